using ImagingWorklist.Domain.Engine;

namespace ImagingWorklist.Simulation;

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
