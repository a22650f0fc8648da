namespace ImagingWorklist.Simulation;

/// <summary>Runs strategies over replications on common random numbers: replication k gives every strategy the same work.</summary>
public static class Replications
{
    public static IReadOnlyList<SimulationResult> Run(
        SimulationScenario scenario,
        IReadOnlyList<Strategy> strategies,
        int replications,
        int firstSeed = 1,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var workloads = Workloads(scenario, replications, firstSeed);
        var counter = new RunCounter(progress, replications * strategies.Count);
        return [.. strategies.SelectMany(strategy =>
            RunOn(scenario, workloads, strategy, Environment.ProcessorCount, counter.Done, cancellationToken)).OrderBy(r => r.Seed)];
    }

    /// <summary>The work of replications 1…n (or from <paramref name="firstSeed"/>), drawn once to be reused by every variant.</summary>
    public static Workload[] Workloads(SimulationScenario scenario, int replications, int firstSeed = 1) =>
        [.. Enumerable.Range(firstSeed, replications).Select(seed => Workload.Generate(scenario, seed))];

    /// <summary>
    /// One scenario over the given workloads, side by side on at most <paramref name="parallelism"/> cores; a variant of
    /// the scenario (another rota, an extra session) run on the same workloads differs from it only by the change.
    /// </summary>
    public static SimulationResult[] RunOn(
        SimulationScenario scenario, IReadOnlyList<Workload> workloads, Strategy strategy, int parallelism, Action? runDone = null,
            CancellationToken cancellationToken = default)
    {
        var results = new SimulationResult[workloads.Count];
        Parallel.For(0, workloads.Count,
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = parallelism }, r =>
        {
            results[r] = NetworkSimulation.Run(scenario, workloads[r], strategy, cancellationToken: cancellationToken);
            runDone?.Invoke();
        });
        return results;
    }
}
