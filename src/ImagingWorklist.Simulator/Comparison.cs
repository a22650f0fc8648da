using System.Diagnostics;
using ImagingWorklist.Simulation;

namespace ImagingWorklist.Simulator;

/// <summary><c>compare</c>: every strategy on the standard scenario, with the offline lower bound, written as report.md and
/// runs.csv.</summary>
internal static class Comparison
{
    public static int Run(int replications, int days, int examsPerDay, int backlog, int seed, string output, TextWriter log)
    {
        var scenario =
            StandardScenario.Build(
            new StandardScenarioOptions { Days = days, ExamsPerDay = examsPerDay, BacklogExams = backlog, Seed = seed });
        Strategy[] strategies = [.. Enum.GetValues<Strategy>()];
        log.WriteLine(
            $"{scenario.Name}: {days} days, {scenario.Reporters.Count} reporters, {scenario.Backlog.Count} open at the start; " +
                $"{replications} replications × {strategies.Length} strategies and the lower bound.");
        var clock = Stopwatch.StartNew();
        var results = Replications.Run(scenario, strategies, replications, progress: new ConsoleProgress("Simulating"));
        var bounds = LowerBound.ForReplications(scenario, replications, new ConsoleProgress("Lower bound"));
        log.WriteLine($"Done in {clock.Elapsed.TotalSeconds:0} s.");
        var report = new ComparisonReport(scenario, results, bounds);
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "runs.csv"), report.Csv());
        File.WriteAllText(Path.Combine(output, "report.md"), report.Markdown());
        log.WriteLine(report.Markdown());
        log.WriteLine($"Written: {Path.Combine(output, "report.md")} and runs.csv");
        return 0;
    }
}
