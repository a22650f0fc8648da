using BenchmarkDotNet.Attributes;
using ImagingWorklist.Domain.Engine;

namespace ImagingWorklist.Benchmarks;

/// <summary>Issue target: top 50 for one reporter out of 10^6 open exams in ≤ 30 ms and ≤ 0.1× a naive filter-and-sort.</summary>
[MemoryDiagnoser]
public class RankingBenchmarks
{
    private List<EngineExam> _exams = null!;
    private EngineReporter _reporter = null!;
    private WorklistEngine _engine = null!;

    [Params(1_000_000)]
    public int OpenExams { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var sites = SyntheticNetwork.Sites();
        _exams = SyntheticNetwork.Exams(OpenExams, sites);
        var reporters = SyntheticNetwork.Reporters(300, sites);
        _reporter = reporters[0];
        _engine = WorklistEngine.Build(_exams, reporters, SyntheticNetwork.Now, EnginePolicy.Default);
    }

    /// <summary>What one would write first: apply the reference eligibility rules to every exam, sort, take 50.</summary>
    [Benchmark(Baseline = true)]
    public List<EngineExam> NaiveFilterAndSort() =>
        [.. _exams
            .Where(e => Eligibility.Check(_reporter, e, 0, SyntheticNetwork.Now, EnginePolicy.Default).IsEligible)
            .OrderBy(e => Prioritiser.ClassOf(e, SyntheticNetwork.Now, EnginePolicy.Default))
            .ThenBy(e => e.DueAt)
            .Take(50)];

    [Benchmark]
    public IReadOnlyList<RankedExam> EngineTopFifty() => _engine.RankedFor(_reporter.Id, SyntheticNetwork.Now, 50);
}
