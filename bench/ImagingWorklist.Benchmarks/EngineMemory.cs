using ImagingWorklist.Domain.Engine;

namespace ImagingWorklist.Benchmarks;

/// <summary>
/// Memory the engine keeps per open exam (`-- memory`): the heap after a full collection, before and after building,
/// at 10^4 (the baseline), 10^5 and 10^6 open exams with 300 reporters. Counted twice: the exam snapshots themselves
/// (what any in-memory pool must hold) and the engine's indexes over them.
/// </summary>
internal static class EngineMemory
{
    public static void Run()
    {
        var sites = SyntheticNetwork.Sites();
        var reporters = SyntheticNetwork.Reporters(300, sites);
        Console.WriteLine("| Open exams | Snapshots (B/exam) | Indexes (B/exam) | Total (B/exam) | Total (MB) | Ratio to 10^4 per exam |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        double? baseline = null;
        foreach (var count in new[] { 10_000, 100_000, 1_000_000 })
        {
            var empty = Heap();
            var exams = SyntheticNetwork.Exams(count, sites);
            var withSnapshots = Heap();
            var engine = WorklistEngine.Build(exams, reporters, SyntheticNetwork.Now, EnginePolicy.Default);
            var built = Heap();
            GC.KeepAlive(engine);
            GC.KeepAlive(exams);
            var snapshots = (withSnapshots - empty) / (double)count;
            var indexes = (built - withSnapshots) / (double)count;
            baseline ??= snapshots + indexes;
            Console.WriteLine(
                $"| {count:N0} | {snapshots:N0} | {indexes:N0} | {snapshots + indexes:N0} | {(built - empty) / 1_048_576.0:N0} | " +
                    $"{(snapshots + indexes) / baseline:0.00} |");
        }
    }

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
