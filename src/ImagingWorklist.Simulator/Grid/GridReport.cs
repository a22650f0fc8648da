using System.Globalization;
using System.Text;
using ImagingWorklist.Simulation;

namespace ImagingWorklist.Simulator.Grid;

/// <summary>The grid's results: one CSV row per cell and strategy, a Markdown table with the targets, and two heat maps.</summary>
internal sealed class GridReport(GridSpec spec, IReadOnlyList<GridOutcome> outcomes)
{
    private static readonly Strategy[] Engine = [Strategy.EnginePull, Strategy.EnginePush];

    public IReadOnlyList<GridOutcome> Outcomes => outcomes;

    public int CellCount => outcomes.Select(o => o.Cell).Distinct().Count();

    public int CellsMeeting(Strategy strategy) => outcomes.Count(o => o.Strategy == strategy && o.MeetsTargets);

    /// <summary>Writes grid.csv, grid.md, gap-closed.svg and urgent-breaches.svg into <paramref name="folder"/>.</summary>
    public IReadOnlyList<string> WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        var files = new (string Name, string Text)[]
        {
            ("grid.csv", Csv()),
            ("grid.md", Markdown()),
            ("gap-closed.svg", HeatMap.Svg("Share of the FIFO → lower-bound gap closed (target ≥ 75 %)", outcomes, Engine,
                o => 100 * o.GapClosed.Mean, o => o.MeetsGap, 100 * GridOutcome.GapClosedTarget, "0'%'")),
            ("urgent-breaches.svg", HeatMap.Svg("Urgent breaches against FIFO's (target ≤ 0.5×)", outcomes, Engine,
                o => o.UrgentRatio, o => o.MeetsUrgent, GridOutcome.UrgentRatioTarget, "0.00'×'")),
        };
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), text);
        }

        return [.. files.Select(f => Path.Combine(folder, f.Name))];
    }

    public string Csv()
    {
        var text = new StringBuilder();
        text.AppendLine(
            "per_day,backlog,absence,out_of_hours_share,speed_spread,reading_spread,strategy,networks,breaches,breaches_ci," +
                "urgent_breaches,urgent_breaches_ci,lower_bound,gap_closed,gap_closed_ci,urgent_ratio_to_fifo," +
                    "routine_max_wait_ratio_to_fifo,over_28_days,targets_met");
        foreach (var o in outcomes)
        {
            var c = o.Cell;
            text.AppendLine(string.Join(',', new object?[]
            {
                c.PerDay, c.Backlog, c.Absence, c.OutOfHoursShare?.ToString(CultureInfo.InvariantCulture) ?? "standard", c.SpeedSpread,
                c.ReadingSpread, o.Strategy, o.Breaches.N, o.Breaches.Mean, o.Breaches.HalfWidth, o.UrgentBreaches.Mean,
                o.UrgentBreaches.HalfWidth, o.Bound.Mean, o.GapClosed.Mean, o.GapClosed.HalfWidth, o.UrgentRatio, o.RoutineWaitRatio,
                o.Over28Days, o.Strategy == Strategy.FifoPull ? "" : o.MeetsTargets ? "yes" : "no",
            }.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
        }

        return text.ToString();
    }

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"# Scenario grid: {CellCount} cells × {spec.Seeds} networks, {spec.Days} days each");
        text.AppendLine();
        foreach (var strategy in Engine)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"- {HeatMap.Name(strategy)} meets every target in **{CellsMeeting(strategy)} of {CellCount}** cells.");
        }

        text.AppendLine();
        text.AppendLine(
            "Targets, on the means over a cell's networks: urgent breaches ≤ 0.5 × FIFO's; gap closed ((FIFO − strategy) / " +
                "(FIFO − lower bound) on breaches, paired per network) ≥ 75 %; routine maximum wait ≤ 1.1 × FIFO's; no exam over " +
                    "28 days. Breaches and gap closed: mean ± 95 % half-width.");
        text.AppendLine();
        text.AppendLine("| Exams/day | Backlog | Absence | Out of hours | Speed σ | Reading σ | Strategy | Breaches | Urgent breaches | " +
            "Bound | Gap closed | Urgent × FIFO | Routine wait × FIFO | > 28 d | Targets |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var o in outcomes)
        {
            var c = o.Cell;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {c.PerDay:#,0} | {c.Backlog:#,0} | {GridCell.Percent(c.Absence)} | " +
                    $"{(c.OutOfHoursShare is { } share ? GridCell.Percent(share) : "standard")} | {GridCell.Number(c.SpeedSpread)} | " +
                    $"{GridCell.Number(c.ReadingSpread)} | {HeatMap.Name(o.Strategy)} | {o.Breaches.ToString("0")} | " +
                    $"{o.UrgentBreaches.ToString("0")} | {o.Bound.ToString("0")} | " +
                    $"{(o.Strategy == Strategy.FifoPull ? "" : Scale(o.GapClosed, 100).ToString("0.0") + " %")} | " +
                    $"{Ratio(o, o.UrgentRatio)} | {Ratio(o, o.RoutineWaitRatio)} | {o.Over28Days} | " +
                    $"{(o.Strategy == Strategy.FifoPull ? "baseline" : o.MeetsTargets ? "met" : "**not met**")} |");
        }

        return text.ToString();
    }

    private static string Ratio(GridOutcome o, double ratio) =>
        o.Strategy == Strategy.FifoPull ? "" : double.IsNaN(ratio) ? "–" : ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×";

    private static Estimate Scale(Estimate estimate, double by) => estimate with
    {
        Mean = estimate.Mean * by,
        HalfWidth = estimate.HalfWidth * by,
    };
}
