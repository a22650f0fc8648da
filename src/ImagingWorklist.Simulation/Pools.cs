using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;

namespace ImagingWorklist.Simulation;

/// <summary>A reporter during a run.</summary>
internal sealed class SimReporter(int index, EngineReporter reporter)
{
    public int Index { get; } = index;

    public EngineReporter Reporter { get; } = reporter;

    public SimExam? Current { get; set; }

    public DateTimeOffset IdleSince { get; set; }

    /// <summary>Work pushed to this reporter and not started yet (push mode only).</summary>
    public List<SimExam> Queue { get; } = [];

    public double MinutesRead { get; set; }

    public int Releases { get; set; }
}

/// <summary>Exams that look the same to eligibility: trust, site, skill, modality, body part.</summary>
internal sealed class Signatures
{
    private readonly Dictionary<(Guid, Guid, Skill, Modality, string), int> _index = [];
    private readonly List<EngineExam> _examples = [];

    public int Count => _examples.Count;

    public int Of(EngineExam exam)
    {
        var key = (exam.TrustId, exam.SiteId, exam.RequiredSkill, exam.Modality, exam.BodyPart);
        if (!_index.TryGetValue(key, out var signature))
        {
            signature = _examples.Count;
            _index[key] = signature;
            _examples.Add(exam with { ClaimedBy = null, Escalated = false, AiCritical = false });
        }

        return signature;
    }

    public EngineExam Example(int signature) => _examples[signature];
}

/// <summary>
/// Whether a reporter may take exams of a signature now, capacity aside, by the domain's reference rules; remembered
/// until the reporter's duty changes (a shift or leave starts or ends).
/// </summary>
internal sealed class EligibilityCache(Signatures signatures, EnginePolicy policy)
{
    private const sbyte Unknown = 0;
    private const sbyte Yes = 1;
    private const sbyte No = 2;
    private readonly Dictionary<int, sbyte[]> _answers = [];

    public bool May(SimReporter reporter, int signature, DateTimeOffset now)
    {
        if (!_answers.TryGetValue(reporter.Index, out var answers) || answers.Length <= signature)
        {
            var grown = new sbyte[Math.Max(signatures.Count, signature + 1) + 64];
            answers?.CopyTo(grown, 0);
            _answers[reporter.Index] = answers = grown;
        }

        if (answers[signature] == Unknown)
        {
            var verdict = Eligibility.Check(reporter.Reporter, signatures.Example(signature), 0, now, policy);
            answers[signature] = verdict.IsEligible || verdict.FailsOnlyOnCapacity ? Yes : No;
        }

        return answers[signature] == Yes;
    }

    public void Forget(SimReporter reporter) => _answers.Remove(reporter.Index);
}

/// <summary>Where open exams wait, and how a free reporter is given one: the strategy under test.</summary>
internal interface IWorkPool
{
    void Arrive(SimExam exam, DateTimeOffset now);

    /// <summary>The next exam for a free reporter, now theirs; null when there is nothing they should take.</summary>
    SimExam? Take(SimReporter reporter, DateTimeOffset now);

    void Release(SimExam exam, SimReporter reporter, DateTimeOffset now);

    void Done(SimExam exam);
}

/// <summary>
/// Today's ways of working: one queue per signature, ordered by the strategy's rule; a free reporter takes the best
/// head among the signatures they may report.
/// </summary>
internal sealed class OrderedPool : IWorkPool
{
    private readonly Signatures _signatures;
    private readonly EligibilityCache _eligibility;
    private readonly IComparer<SimExam> _order;
    private readonly TimeSpan _cooldown;
    private readonly List<SortedSet<SimExam>> _queues = [];
    private readonly Dictionary<int, (int Reporter, DateTimeOffset At)> _releasedBy = [];

    public OrderedPool(Strategy strategy, Signatures signatures, EligibilityCache eligibility, TimeSpan cooldown)
    {
        _signatures = signatures;
        _eligibility = eligibility;
        _cooldown = cooldown;
        _order = strategy switch
        {
            Strategy.FifoPull => Comparer<SimExam>.Create(static (a, b) => Chain(a.ArrivesAt.CompareTo(b.ArrivesAt), a, b)),
            Strategy.CherryPickPull => Comparer<SimExam>.Create(static (a, b) =>
                Chain(a.Exam.ExpectedMinutes.CompareTo(b.Exam.ExpectedMinutes), a, b)),
            Strategy.StaticPriority => Comparer<SimExam>.Create(static (a, b) => Chain(a.Exam.Priority.CompareTo(b.Exam.Priority), a, b)),
            _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Not an ordered-list strategy."),
        };
    }

    private static int Chain(int first, SimExam a, SimExam b)
    {
        if (first != 0)
        {
            return first;
        }

        var age = a.ArrivesAt.CompareTo(b.ArrivesAt);
        return age != 0 ? age : a.Index.CompareTo(b.Index);
    }

    public void Arrive(SimExam exam, DateTimeOffset now)
    {
        var signature = _signatures.Of(exam.Exam);
        while (_queues.Count <= signature)
        {
            _queues.Add(new SortedSet<SimExam>(_order));
        }

        _queues[signature].Add(exam);
    }

    public SimExam? Take(SimReporter reporter, DateTimeOffset now)
    {
        SimExam? best = null;
        var bestSignature = -1;
        for (var signature = 0; signature < _queues.Count; signature++)
        {
            var queue = _queues[signature];
            if (queue.Count == 0 || !_eligibility.May(reporter, signature, now))
            {
                continue;
            }

            foreach (var candidate in queue)
            {
                if (_releasedBy.TryGetValue(candidate.Index, out var released) && released.Reporter == reporter.Index
                    && now - released.At < _cooldown)
                {
                    continue;
                }

                if (best is null || _order.Compare(candidate, best) < 0)
                {
                    best = candidate;
                    bestSignature = signature;
                }

                break;
            }
        }

        if (best is not null)
        {
            _queues[bestSignature].Remove(best);
        }

        return best;
    }

    public void Release(SimExam exam, SimReporter reporter, DateTimeOffset now)
    {
        _releasedBy[exam.Index] = (reporter.Index, now);
        Arrive(exam, now);
    }

    public void Done(SimExam exam) => _releasedBy.Remove(exam.Index);
}

/// <summary>The real engine: "Next case" in pull mode; push assignment into each reporter's own queue in push mode.</summary>
internal sealed class EnginePool(WorklistEngine engine, IReadOnlyList<SimReporter> reporters, bool push) : IWorkPool
{
    private readonly Dictionary<Guid, SimExam> _exams = [];
    private readonly Dictionary<Guid, SimReporter> _reporterOf = reporters.ToDictionary(r => r.Reporter.Id);

    public void Arrive(SimExam exam, DateTimeOffset now)
    {
        _exams[exam.Exam.Id] = exam;
        engine.AdvanceTo(now);
        engine.Upsert(exam.Exam);
    }

    public SimExam? Take(SimReporter reporter, DateTimeOffset now)
    {
        if (push)
        {
            if (reporter.Queue.Count == 0)
            {
                return null;
            }

            // Most urgent of what was given first, as the engine would rank it now.
            var best = reporter.Queue
                .OrderBy(e => Prioritiser.ClassOf(e.Exam, now, engine.Policy))
                .ThenBy(e => e.Exam.DueAt)
                .ThenBy(e => e.Index)
                .First();
            reporter.Queue.Remove(best);
            return best;
        }

        var next = engine.NextCase(reporter.Reporter.Id, now);
        if (next.Case is not { } found)
        {
            return null;
        }

        engine.Claimed(found.Exam.Id, reporter.Reporter.Id);
        return _exams[found.Exam.Id];
    }

    public void Release(SimExam exam, SimReporter reporter, DateTimeOffset now)
    {
        engine.Released(exam.Exam.Id);
        engine.RecordSkip(reporter.Reporter.Id, exam.Exam.Id, "Released part-read", now);
    }

    public void Done(SimExam exam)
    {
        engine.Remove(exam.Exam.Id);
        _exams.Remove(exam.Exam.Id);
    }

    /// <summary>Runs push assignment and hands each proposal to its reporter; returns the reporters given work.</summary>
    public IEnumerable<SimReporter> Push(DateTimeOffset now)
    {
        var given = new HashSet<SimReporter>();
        foreach (var assignment in engine.Assign(now))
        {
            if (engine.Claimed(assignment.ExamId, assignment.ReporterId).Succeeded)
            {
                var reporter = _reporterOf[assignment.ReporterId];
                reporter.Queue.Add(_exams[assignment.ExamId]);
                given.Add(reporter);
            }
        }

        return given;
    }

    /// <summary>Work pushed to someone whose duty has ended goes back to the pool.</summary>
    public void TakeBack(SimReporter reporter)
    {
        foreach (var exam in reporter.Queue)
        {
            engine.Released(exam.Exam.Id);
        }

        reporter.Queue.Clear();
    }
}
