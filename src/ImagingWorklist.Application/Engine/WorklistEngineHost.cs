using ImagingWorklist.Application.Common;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ImagingWorklist.Application.Engine;

/// <summary>
/// This instance's copy of the prioritisation engine: loaded from the database at start-up, then kept current by
/// re-reading whatever a change names. The engine is single-threaded, so every call goes through one lock; calls are
/// microseconds, database reads happen outside it.
/// </summary>
public sealed class WorklistEngineHost(IDbContextFactory<WorklistDbContext> contexts, TimeProvider clock,
    ILogger<WorklistEngineHost> logger)
{
    /// <summary>Shifts that ended longer ago than this are not loaded.</summary>
    private static readonly TimeSpan RotaLookBack = TimeSpan.FromDays(1);

    private readonly Lock _gate = new();
    private WorklistEngine? _engine;

    public EnginePolicy Policy { get; set; } = EnginePolicy.Default;

    /// <summary>Names this app instance in the changes it publishes.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    public bool IsLoaded => _engine is not null;

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var started = clock.GetTimestamp();
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var exams = await db.Exams.AsNoTracking()
            .Where(e => e.State == ExamState.Ready || e.State == ExamState.Claimed || e.State == ExamState.Preliminary)
            .ToListAsync(cancellationToken);
        var reporters = await LoadReportersAsync(db, null, now, cancellationToken, Policy.FairnessWindow);
        var engine = WorklistEngine.Build(exams.Select(EngineExam.From).OfType<EngineExam>(), reporters, now, Policy);
        lock (_gate)
        {
            _engine = engine;
        }

        var took = clock.GetElapsedTime(started);
        WorklistMetrics.EngineRebuilt(took);
        logger.LogInformation("Worklist engine loaded: {Exams} open exams, {Reporters} reporters in {Milliseconds} ms", engine.OpenCount,
            reporters.Count, (long)took.TotalMilliseconds);
    }

    /// <summary>Re-reads one exam, so this instance agrees with the database whichever instance changed it.</summary>
    public async Task RefreshExamAsync(Guid examId, CancellationToken cancellationToken = default)
    {
        if (_engine is null)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var exam = await db.Exams.AsNoTracking().SingleOrDefaultAsync(e => e.Id == examId, cancellationToken);
        var snapshot = exam is null ? null : EngineExam.From(exam);
        lock (_gate)
        {
            if (snapshot is null)
            {
                _engine.Remove(examId);
            }
            else
            {
                _engine.Upsert(snapshot);
            }
        }

        WorklistMetrics.EngineEvent("exam");
    }

    /// <summary>Re-reads a reporter's credentials, shifts and leave (every reporter's when <paramref name="reporterId"/> is
    /// null).</summary>
    public async Task RefreshReportersAsync(Guid? reporterId, CancellationToken cancellationToken = default)
    {
        if (_engine is null)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reporters = await LoadReportersAsync(db, reporterId, clock.GetUtcNow(), cancellationToken, Policy.FairnessWindow);
        lock (_gate)
        {
            foreach (var reporter in reporters)
            {
                _engine.UpsertReporter(reporter);
            }
        }

        WorklistMetrics.EngineEvent("reporters");
    }

    /// <summary>Applies a change this instance has just committed, from the entity it saved: no need to read it back.</summary>
    public void Apply(Exam exam)
    {
        var snapshot = EngineExam.From(exam);
        Use(engine =>
        {
            if (snapshot is null)
            {
                engine.Remove(exam.Id);
            }
            else
            {
                engine.Upsert(snapshot);
            }

            return 0;
        });
        WorklistMetrics.EngineEvent("exam");
    }

    /// <summary>A claim this instance has just committed without loading the entity.</summary>
    public void ApplyClaim(Guid examId, Guid reporterId)
    {
        Use(engine => engine.Claimed(examId, reporterId));
        WorklistMetrics.EngineEvent("claim");
    }

    public IReadOnlyList<RankedExam> RankedFor(Guid reporterId, Func<EngineExam, bool>? filter = null, int? take = null) =>
        Use(engine => engine.RankedFor(reporterId, clock.GetUtcNow(), take, filter));

    public IReadOnlyList<Candidate> CandidatesFor(Guid examId) =>
        Use(engine => engine.CandidatesFor(examId, clock.GetUtcNow()));

    public NextCaseResult NextCase(Guid reporterId) => Use(engine => engine.NextCase(reporterId, clock.GetUtcNow()));

    public bool Knows(Guid reporterId) => Use(engine => engine.Knows(reporterId));

    public EligibilityVerdict? Check(Guid reporterId, Guid examId) =>
        Use(engine => engine.Find(examId) is null || !engine.Knows(reporterId) ? null
            : engine.Check(reporterId, examId, clock.GetUtcNow()));

    public Outcome RecordSkip(Guid reporterId, Guid examId, string reason)
        => Use(engine => engine.RecordSkip(reporterId, examId, reason, clock.GetUtcNow()));

    public int SkipCount(Guid reporterId) => Use(engine => engine.SkipCount(reporterId));

    /// <summary>The pool as the metrics show it; none before the engine is loaded.</summary>
    public PoolSummary? Summarise()
    {
        lock (_gate)
        {
            return _engine?.Summarise(clock.GetUtcNow());
        }
    }

    public IReadOnlyList<Escalation> Escalations() => Use(engine => engine.Escalations(clock.GetUtcNow()));

    public void Tick()
    {
        Use(engine =>
        {
            engine.AdvanceTo(clock.GetUtcNow());
            return 0;
        });
        WorklistMetrics.EngineEvent("tick");
    }

    private T Use<T>(Func<WorklistEngine, T> action)
    {
        lock (_gate)
        {
            return _engine is null
                ? throw new InvalidOperationException("The worklist engine has not been loaded yet.")
                : action(_engine);
        }
    }

    /// <summary>
    /// Reporters as the engine sees them (with shifts and leave from <paramref name="now"/> minus a day on), with their
    /// workload credit over <paramref name="fairnessWindow"/> when one is given.
    /// </summary>
    internal static async Task<List<EngineReporter>> LoadReportersAsync(WorklistDbContext db, Guid? only, DateTimeOffset now,
        CancellationToken cancellationToken, TimeSpan? fairnessWindow = null)
    {
        var since = now - RotaLookBack;
        var reporters = await db.Reporters.AsNoTracking().Where(r => only == null || r.Id == only).ToListAsync(cancellationToken);
        var credentials = await db.Credentials.AsNoTracking().Where(c => only == null || c.ReporterId == only)
            .ToListAsync(cancellationToken);
        var shifts = await db.RotaShifts.AsNoTracking().Where(s => (only == null || s.ReporterId == only) && s.End > since)
            .ToListAsync(cancellationToken);
        var absences = await db.Absences.AsNoTracking().Where(a => (only == null || a.ReporterId == only) && a.End > since)
            .ToListAsync(cancellationToken);
        var credentialsBy = credentials.ToLookup(c => c.ReporterId);
        var shiftsBy = shifts.ToLookup(s => s.ReporterId);
        var absencesBy = absences.ToLookup(a => a.ReporterId);
        var credits = fairnessWindow is { } window ? await WorkloadCredits.ReadAsync(db, only, now - window, now, cancellationToken)
            : new Dictionary<Guid, WorkloadCredit>();
        return [.. reporters.Select(r => EngineReporter.From(r, credentialsBy[r.Id], shiftsBy[r.Id], absencesBy[r.Id]) with
        {
            CreditMinutes = credits.GetValueOrDefault(r.Id)?.Minutes ?? 0,
            CreditCapacityMinutes = credits.GetValueOrDefault(r.Id)?.CapacityMinutes ?? 0,
        })];
    }
}
