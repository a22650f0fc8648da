using System.Diagnostics;
using ImagingWorklist.Simulation;

namespace ImagingWorklist.Simulator.Grid;

/// <summary><c>grid</c>: the strategies over a grid of network shapes, written as a table, a CSV and two heat maps.</summary>
internal static class GridCommand
{
    public static int Run(string? file, string output, TextWriter log, CancellationToken cancellationToken)
    {
        var spec = file is null ? GridSpec.Standard : GridSpec.Parse(Read(file), file);
        var cells = spec.Cells.Count();
        log.WriteLine(
            $"{cells} cells × {spec.Seeds} networks × {GridRun.Strategies.Length} strategies and the lower bound, {spec.Days} days each.");
        var clock = Stopwatch.StartNew();
        var runs = GridRun.RunAll(spec, new ConsoleProgress("Grid"), cancellationToken);
        var report = new GridReport(spec, GridOutcome.Of(runs));
        var written = report.WriteTo(output);
        log.WriteLine($"Done in {clock.Elapsed.TotalSeconds:0} s.");
        foreach (var strategy in new[] { Strategy.EnginePull, Strategy.EnginePush })
        {
            log.WriteLine($"{HeatMap.Name(strategy)}: every target met in {report.CellsMeeting(strategy)} of {report.CellCount} cells.");
        }

        log.WriteLine($"Written: {string.Join(", ", written)}");
        return 0;
    }

    private static string Read(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"--file {file}: cannot be read ({problem.Message}).", problem);
        }
    }
}
