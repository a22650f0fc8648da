using ImagingWorklist.Domain.Engine;

namespace ImagingWorklist.Simulation;

/// <summary>
/// The real engine: "Next case" in pull mode; in push mode, push assignment into each reporter's own queue, and a
/// reporter who frees up takes a more urgent unstarted exam from a colleague's queue when they may read it.
/// </summary>
internal sealed class EnginePool(WorklistEngine engine, IReadOnlyList<SimReporter> reporters, bool push) : IWorkPool
{
    private readonly Dictionary<Guid, SimExam> _exams = [];
    private readonly Dictionary<Guid, SimReporter> _reporterOf = reporters.ToDictionary(r => r.Reporter.Id);
    private readonly Dictionary<(Guid Reporter, Guid Exam), DateTimeOffset> _letGo = [];

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
            // Most urgent of what was given first, as the engine would rank it now; unless a colleague holds, not yet
            // started, something more urgent that this reporter may read: then it moves here (work stealing).
            var own = reporter.Queue.OrderBy(e => UrgencyOf(e, now)).FirstOrDefault();
            if (Steal(reporter, own, now) is { } stolen)
            {
                return stolen;
            }

            if (own is not null)
            {
                reporter.Queue.Remove(own);
            }

            return own;
        }

        var next = engine.NextCase(reporter.Reporter.Id, now);
        if (next.Case is not { } found)
        {
            return null;
        }

        engine.Claimed(found.Exam.Id, reporter.Reporter.Id);
        return _exams[found.Exam.Id];
    }

    private (UrgencyClass Class, DateTimeOffset Due, int Index) UrgencyOf(SimExam exam, DateTimeOffset now) =>
        (Prioritiser.ClassOf(exam.Exam, now, engine.Policy), exam.Exam.DueAt, exam.Index);

    /// <summary>
    /// The most urgent exam waiting, unstarted, in a colleague's queue that is more urgent than <paramref name="own"/>
    /// (a higher class, or an earlier due time in the same class: a tie stays where it is) and that the reporter may read
    /// now (eligibility with what they already hold, and not one they let go within the skip cool-down); it is moved to the
    /// reporter in the engine too. Null when there is none. Candidates come off a heap, since the first usually serves.
    /// </summary>
    private SimExam? Steal(SimReporter thief, SimExam? own, DateTimeOffset now)
    {
        var bar = own is null ? ((UrgencyClass, DateTimeOffset)?)null : (Prioritiser.ClassOf(own.Exam, now, engine.Policy), own.Exam.DueAt);
        var candidates = new PriorityQueue<(SimReporter Holder, SimExam Exam), (UrgencyClass, DateTimeOffset, int)>();
        foreach (var holder in reporters)
        {
            if (holder == thief)
            {
                continue;
            }

            foreach (var exam in holder.Queue)
            {
                var urgency = UrgencyOf(exam, now);
                if (bar is null || (urgency.Class, urgency.Due).CompareTo(bar.Value) < 0)
                {
                    candidates.Enqueue((holder, exam), urgency);
                }
            }
        }

        var held = thief.Queue.Sum(e => e.Exam.ExpectedMinutes);
        while (candidates.TryDequeue(out var candidate, out _))
        {
            var (holder, exam) = candidate;
            if (_letGo.TryGetValue((thief.Reporter.Id, exam.Exam.Id), out var at) && now - at < engine.Policy.SkipCooldown)
            {
                continue;
            }

            if (Eligibility.Check(thief.Reporter, exam.Exam, held, now, engine.Policy).IsEligible
                && engine.Claimed(exam.Exam.Id, thief.Reporter.Id).Succeeded)
            {
                holder.Queue.Remove(exam);
                return exam;
            }
        }

        return null;
    }

    public void Release(SimExam exam, SimReporter reporter, DateTimeOffset now)
    {
        _letGo[(reporter.Reporter.Id, exam.Exam.Id)] = now;
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
