using System.Globalization;
using System.Text;
using ImagingWorklist.Simulation;

namespace ImagingWorklist.Simulator;

/// <summary>
/// <c>optimal</c>: FIFO, Next case and push against the best schedule CP-SAT can find, on small one-day networks of
/// growing size (two trusts, a handful of reporters, no releases), so the engine's distance from optimal is seen as the
/// instance grows.
/// </summary>
internal static class OptimalComparison
{
    private static readonly Strategy[] Strategies = [Strategy.FifoPull, Strategy.EnginePull, Strategy.EnginePush];

    public sealed record Instance(int Size, int Seed, int Exams, IReadOnlyDictionary<Strategy, int> Breaches,
        OptimalSchedule.Result Optimal);

    public static SimulationScenario Network(int examsPerDay, int seed)
    {
        var scenario = StandardScenario.Build(new StandardScenarioOptions
        {
            Seed = new StandardScenarioOptions().Seed + seed,
            Days = 1,
            Trusts = 2,
            Consultants = 3,
            Registrars = 1,
            Radiographers = 1,
            ExamsPerDay = examsPerDay,
            BacklogExams = examsPerDay / 4,
        });
        return scenario with { Behaviour = scenario.Behaviour with { ReleaseProbability = 0 } };
    }

    public static Instance Run(int examsPerDay, int seed, TimeSpan limit)
    {
        var scenario = Network(examsPerDay, seed);
        var workload = Workload.Generate(scenario, seed);
        var breaches = Strategies.ToDictionary(s => s, s => NetworkSimulation.Run(scenario, workload, s).Breaches);
        return new Instance(examsPerDay, seed, workload.Exams.Count, breaches, OptimalSchedule.Solve(scenario, workload, limit));
    }

    public static int Command(IReadOnlyList<int> sizes, int instances, int seconds, TextWriter log)
    {
        log.WriteLine($"Sizes {string.Join(", ", sizes)} exams a day, {instances} networks each, CP-SAT up to {seconds} s per network.");
        var results = new List<Instance>();
        foreach (var size in sizes)
        {
            for (var seed = 1; seed <= instances; seed++)
            {
                var instance = Run(size, seed, TimeSpan.FromSeconds(seconds));
                results.Add(instance);
                log.WriteLine(
                    $"  {size} a day, network {seed}: {instance.Exams} exams; breaches FIFO {instance.Breaches[Strategy.FifoPull]}, " +
                        $"Next case {instance.Breaches[Strategy.EnginePull]}, push {instance.Breaches[Strategy.EnginePush]}, " +
                            $"optimal {instance.Optimal.Breaches}{(instance.Optimal.Proven ? "" : $" (bound {instance.Optimal.Bound})")}");
            }
        }

        log.WriteLine(Markdown(results));
        return 0;
    }

    /// <summary>
    /// One row per size: mean breaches per network, and each strategy's total over the optimum's. Where CP-SAT did not
    /// prove its schedule optimal in time, the optimum lies between its proven bound and the best schedule known (its own,
    /// or a strategy's: each strategy's schedule is one the model allows), and the ratio is given as that range.
    /// </summary>
    public static string Markdown(IReadOnlyList<Instance> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| Exams a day | Exams in all | FIFO | Next case | Push | Optimal | Proven optimal | " +
            "Next case ÷ optimal | Push ÷ optimal |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in results.GroupBy(r => r.Size))
        {
            var best = size.Sum(r => Math.Min(r.Optimal.Breaches, r.Breaches.Values.Min()));
            var bound = size.Sum(r => r.Optimal.Bound);
            string Mean(Strategy s) => size.Average(r => r.Breaches[s]).ToString("0.0", CultureInfo.InvariantCulture);
            string Ratio(Strategy s)
            {
                var total = size.Sum(r => r.Breaches[s]);
                string Of(int optimum) => ((double)total / optimum).ToString("0.00", CultureInfo.InvariantCulture);
                return best == 0 ? "–" : best == bound || bound == 0 ? $"{Of(best)}×" : $"{Of(best)}–{Of(bound)}×";
            }

            var optimal = best == bound
                ? (best / (double)size.Count()).ToString("0.0", CultureInfo.InvariantCulture)
                : $"{(bound / (double)size.Count()).ToString("0.0", CultureInfo.InvariantCulture)}–" +
                    $"{(best / (double)size.Count()).ToString("0.0", CultureInfo.InvariantCulture)}";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {size.Key} | {size.Average(r => r.Exams):0} | {Mean(Strategy.FifoPull)} | {Mean(Strategy.EnginePull)} | " +
                    $"{Mean(Strategy.EnginePush)} | {optimal} | {size.Count(r => r.Optimal.Proven)} of {size.Count()} | " +
                        $"{Ratio(Strategy.EnginePull)} | {Ratio(Strategy.EnginePush)} |");
        }

        return text.ToString();
    }
}
