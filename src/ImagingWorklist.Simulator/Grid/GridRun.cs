using ImagingWorklist.Simulation;

namespace ImagingWorklist.Simulator.Grid;

/// <summary>One network of one cell: every strategy on the same work (common random numbers), and the offline bound.</summary>
internal sealed record GridRun(GridCell Cell, int ScenarioSeed, IReadOnlyDictionary<Strategy, SimulationResult> Results, double Bound)
{
    /// <summary>The strategies the targets are written for, and FIFO as their baseline.</summary>
    public static readonly Strategy[] Strategies = [Strategy.FifoPull, Strategy.EnginePull, Strategy.EnginePush];

    /// <summary>
    /// Runs every cell on <see cref="GridSpec.Seeds"/> networks: network k of a cell is the standard scenario's seed plus
    /// k (the same networks in every cell), with replication k's work; all strategies see the same network and work.
    /// </summary>
    public static IReadOnlyList<GridRun> RunAll(GridSpec spec, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var jobs = spec.Cells.SelectMany(cell => Enumerable.Range(0, spec.Seeds).Select(k => (Cell: cell, K: k))).ToList();
        var runs = new GridRun[jobs.Count];
        var counter = new RunCounter(progress, jobs.Count);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.For(0, jobs.Count, parallel, i =>
        {
            var (cell, k) = jobs[i];
            var seed = new StandardScenarioOptions().Seed + k;
            var scenario = StandardScenario.Build(cell.Options(spec.Days, seed));
            var workload = Workload.Generate(scenario, k + 1);
            var results = Strategies.ToDictionary(s => s, s => NetworkSimulation.Run(scenario, workload, s,
                cancellationToken: cancellationToken));
            runs[i] = new GridRun(cell, seed, results, LowerBound.Compute(scenario, workload));
            counter.Done();
        });
        return runs;
    }
}
