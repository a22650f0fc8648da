using System.Globalization;
using System.Text;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Simulation;

namespace ImagingWorklist.Simulator;

/// <summary>The comparison of strategies over replications, as Markdown (with the targets) and as one CSV row per run.</summary>
internal sealed class ComparisonReport(SimulationScenario scenario, IReadOnlyList<SimulationResult> runs, IReadOnlyList<double> lowerBounds)
{
    private static readonly (string Name, Func<SimulationResult, double> Value, string Format)[] Columns =
    [
        ("On time %", r => 100 * r.OnTimeShare, "0.0"),
        ("Breaches", r => r.Breaches, "0"),
        ("Urgent breaches", r => r.UrgentBreaches, "0"),
        ("p50 TAT h", r => r.MedianTurnaroundHours, "0.0"),
        ("p90 TAT h", r => r.P90TurnaroundHours, "0.0"),
        ("Max TAT h", r => r.MaxTurnaroundHours, "0"),
        ("> 28 days", r => r.Over28Days, "0"),
        ("Backlog at end", r => r.OpenAtEnd, "0"),
        ("Routine max wait h", r => r.RoutineMaxWaitHours, "0"),
        ("Workload spread (CV)", r => r.WorkloadSpread, "0.00"),
        ("Releases", r => r.Releases, "0"),
    ];

    private IEnumerable<Strategy> Strategies => runs.Select(r => r.Strategy).Distinct();

    private IReadOnlyList<SimulationResult> Of(Strategy strategy) => [.. runs.Where(r => r.Strategy == strategy).OrderBy(r => r.Seed)];

    /// <summary>(FIFO − strategy) / (FIFO − lower bound) on breaches, per replication (paired on the same work).</summary>
    public Estimate GapClosed(Strategy strategy) =>
        Gap.Closed(Of(Strategy.FifoPull).Zip(Of(strategy), lowerBounds).Select(t => (t.First.Breaches, t.Second.Breaches, t.Third)));

    /// <summary>The ratio of the strategy's mean to FIFO's mean.</summary>
    public double RatioToFifo(Strategy strategy, Func<SimulationResult, double> value)
    {
        var fifo = Of(Strategy.FifoPull).Average(value);
        return fifo == 0 ? double.NaN : Of(strategy).Average(value) / fifo;
    }

    public string Markdown()
    {
        var text = new StringBuilder();
        var replications = Of(Strategy.FifoPull).Count;
        text.AppendLine(CultureInfo.InvariantCulture, $"# {scenario.Name}: strategies compared");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{scenario.Length.TotalDays:0} days from {scenario.Start:yyyy-MM-dd HH:mm} UTC, {scenario.Reporters.Count} reporters, " +
                $"{scenario.Backlog.Count} exams open at the start, about {runs.Average(r => r.Exams - scenario.Backlog.Count):0} " +
                    $"arriving; {replications} replications on common random numbers. Mean ± 95 % confidence half-width.");
        text.AppendLine();
        text.AppendLine("| Strategy | " + string.Join(" | ", Columns.Select(c => c.Name)) + " |");
        text.AppendLine("|---|" + string.Concat(Columns.Select(_ => "---:|")));
        foreach (var strategy in Strategies)
        {
            var of = Of(strategy);
            text.AppendLine(
                $"| {strategy} | " + string.Join(" | ", Columns.Select(c => Estimate.Of([.. of.Select(c.Value)]).ToString(c.Format)))
                + " |");
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"| Lower bound (offline, fluid) | | {Estimate.Of(lowerBounds.ToList()).ToString("0")} | | | | | | | | | |");
        text.AppendLine();
        text.AppendLine("## On time by pathway (% of exams due in the period)");
        text.AppendLine();
        var pathways = Enum.GetValues<Pathway>();
        text.AppendLine("| Strategy | " + string.Join(" | ", pathways) + " |");
        text.AppendLine("|---|" + string.Concat(pathways.Select(_ => "---:|")));
        foreach (var strategy in Strategies)
        {
            var of = Of(strategy);
            text.AppendLine($"| {strategy} | " + string.Join(" | ", pathways.Select(p =>
                Estimate.Of([.. of.Select(r => 100 * r.OnTimeShareFor(p)).Where(v => !double.IsNaN(v))]).ToString("0.0"))) + " |");
        }

        text.AppendLine();
        text.AppendLine("## Targets (engine against FIFO)");
        text.AppendLine();
        text.AppendLine("| Target | Engine, pull | Engine, push |");
        text.AppendLine("|---|---:|---:|");
        Row(text, "Urgent breaches ≤ 0.5 × FIFO", s => RatioToFifo(s, r => r.UrgentBreaches), v => v <= 0.5, "0.00×");
        Row(text, "Gap closed ≥ 75 % (breaches)", s => 100 * GapClosed(s).Mean, v => v >= 100 * Grid.GridOutcome.GapClosedTarget,
            "0 '%'");
        Row(text, "Routine maximum wait ≤ 1.1 × FIFO", s => RatioToFifo(s, r => r.RoutineMaxWaitHours), v => v <= 1.1, "0.00×");
        Row(text, "No exam over 28 days (mean count)", s => Of(s).Average(r => r.Over28Days), v => v == 0, "0.##");
        var beaten = Strategies.Where(s => Of(s).Zip(lowerBounds).Any(t => t.First.Breaches < t.Second - 1e-6)).ToList();
        text.AppendLine();
        text.AppendLine(beaten.Count == 0
            ? "No run of any strategy beat the lower bound."
            : $"Warning: {string.Join(", ", beaten)} beat the lower bound in some run; the bound's assumptions need a look.");
        text.AppendLine();
        text.AppendLine(
            "Gap closed = (FIFO breaches − strategy breaches) / (FIFO breaches − lower bound), paired per replication. Urgent = every " +
                "exam whose base urgency class is not routine (ED, stat, asap, urgent, inpatient, urgent suspected cancer).");
        return text.ToString();
    }

    private void Row(StringBuilder text, string name, Func<Strategy, double> value, Func<double, bool> met, string format)
    {
        string Cell(Strategy s)
        {
            var v = value(s);
            return $"{v.ToString(format, CultureInfo.InvariantCulture)} {(met(v) ? "met" : "**not met**")}";
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Cell(Strategy.EnginePull)} | {Cell(Strategy.EnginePush)} |");
    }

    public string Csv()
    {
        var text = new StringBuilder();
        text.AppendLine(
            "strategy,seed,exams,reported,open_at_end,due_in_period,breaches,urgent_due,urgent_breaches,p50_tat_h,p90_tat_h,max_tat_h," +
            "over_28_days,routine_max_wait_h,workload_cv,releases,lower_bound_breaches");
        foreach (var r in runs.OrderBy(r => r.Seed).ThenBy(r => r.Strategy))
        {
            var bound = lowerBounds[r.Seed - 1];
            text.AppendLine(string.Join(',', new object[]
            {
                r.Strategy, r.Seed, r.Exams, r.Reported, r.OpenAtEnd, r.DueInPeriod, r.Breaches, r.UrgentDue, r.UrgentBreaches,
                r.MedianTurnaroundHours, r.P90TurnaroundHours, r.MaxTurnaroundHours, r.Over28Days, r.RoutineMaxWaitHours, r.WorkloadSpread,
                    r.Releases, bound,
            }.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
        }

        return text.ToString();
    }
}
