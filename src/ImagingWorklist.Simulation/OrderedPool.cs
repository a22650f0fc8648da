namespace ImagingWorklist.Simulation;

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
