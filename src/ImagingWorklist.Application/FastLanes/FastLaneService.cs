using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Engine;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.FastLanes;

/// <summary>
/// Hyperacute fast lanes (decision 0024): a person's flag and its withdrawal, what is waiting for a reporter, and how
/// each trust's lanes performed against their targets.
/// </summary>
public sealed class FastLaneService(
    IDbContextFactory<WorklistDbContext> contexts,
    WorklistEngineHost engine,
    ChangeAnnouncer announce,
    FastLaneSettings settings,
    TimeProvider clock)
{
    public const int NoteMaxLength = 300;

    public FastLaneSettings Settings => settings;

    /// <summary>
    /// Someone who can see the exam (a reporter with a credential for its trust, a manager of the trust) puts it into a
    /// lane: a radiographer's or reporter's flag, from the exam page. <paramref name="by"/> is the name the reason gives
    /// (the person's display name; their sign-in name when none is given).
    /// </summary>
    public Task<Outcome> FlagAsync(Guid examId, FastLane lane, string? note, Actor actor, AccessScope scope, string? by = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var who = string.IsNullOrWhiteSpace(by) ? actor.Name : by.Trim();
        var text = (note ?? string.Empty).Trim();
        if (Problem("The note", text) is { } problem)
        {
            return Task.FromResult(Outcome.Rejected(problem));
        }

        return OnExamAsync(examId, scope, cancellationToken, (db, exam, now) =>
            FastLaneEntry.Enter(db, exam, lane, text.Length == 0 ? $"flagged by {who}" : $"flagged by {who}: {text}", actor, now));
    }

    /// <summary>Takes an exam out of its lane (a flag raised in error), with the reason, audited.</summary>
    public Task<Outcome> ClearAsync(Guid examId, string? reason, Actor actor, AccessScope scope,
        CancellationToken cancellationToken = default)
    {
        var text = (reason ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            return Task.FromResult(Outcome.Rejected("Say why the exam leaves the fast lane; the reason is kept in the audit trail."));
        }

        if (Problem("The reason", text) is { } problem)
        {
            return Task.FromResult(Outcome.Rejected(problem));
        }

        return OnExamAsync(examId, scope, cancellationToken, (db, exam, now) =>
        {
            var lane = exam.FastLane;
            var left = exam.LeaveFastLane(now);
            if (left.Succeeded)
            {
                db.Audit(actor, AuditAction.FastLaneLeft, now,
                    $"{exam.Accession} left the {Labels.Of(lane!.Value).ToLowerInvariant()} fast lane", examId: exam.Id,
                    trustId: exam.TrustId, reason: text);
            }

            return left;
        });
    }

    /// <summary>
    /// Unclaimed fast-lane exams this reporter may take now, most urgent first: what their alert banner shows (nothing
    /// while the engine is still loading at start-up).
    /// </summary>
    public IReadOnlyList<FastLaneWaiting> WaitingFor(Guid reporterId) => !engine.IsLoaded ? [] :
        [.. engine.RankedFor(reporterId, e => e.FastLane is not null && e.ClaimedBy is null)
            .Where(r => r.Exam.FastLane is not null)
            .Select(r => new FastLaneWaiting(
                r.Exam.Id,
                r.Exam.FastLane!.Value,
                r.Exam.Description,
                r.Exam.FastLaneReason ?? "flagged",
                r.Exam.FastLaneSince is { } since
                    ? FastLaneClock.Starting(r.Exam.FastLane.Value, since, r.Exam.ReadyAt, settings.Targets(r.Exam.FastLane.Value))
                    : null))];

    /// <summary>The lane's clock for one exam, or null when it is in no lane (or its images are not ready yet).</summary>
    public FastLaneClock? ClockOf(Exam exam) => FastLaneClock.Of(exam, settings.Targets);

    /// <summary>The exam's lane, reason and clock now (no patient data: the page that shows it has already checked access).</summary>
    public async Task<FastLaneStatus> StatusAsync(Guid examId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var exam = await db.Exams.AsNoTracking().SingleOrDefaultAsync(e => e.Id == examId, cancellationToken);
        return exam is null ? FastLaneStatus.None
            : new FastLaneStatus(exam.FastLane, exam.FastLaneReason, exam.FastLaneSince, ClockOf(exam),
                !exam.State.IsTerminal() && exam.State != ExamState.AwaitingVerification);
    }

    /// <summary>Fast-lane exams that entered a lane in the period, per trust and lane, against the lanes' targets.</summary>
    public async Task<IReadOnlyList<FastLaneRow>> PerformanceAsync(DateTimeOffset from, DateTimeOffset to, AccessScope scope,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var exams = (await scope.ExamsAsync(db, to, cancellationToken)).Where(e => e.FastLaneSince >= from && e.FastLaneSince < to);

        // Fast-lane exams are a handful a day per trust: the period's are read and measured here, exactly.
        var rows = await exams.Join(db.Trusts, e => e.TrustId, t => t.Id, (e, t) => new { Exam = e, TrustName = t.Name })
            .ToListAsync(cancellationToken);
        return [.. rows
            .Select(r => (r.TrustName, r.Exam, Clock: ClockOf(r.Exam)))
            .GroupBy(r => (r.TrustName, Lane: r.Exam.FastLane!.Value))
            .OrderBy(g => g.Key.TrustName, StringComparer.Ordinal).ThenBy(g => g.Key.Lane)
            .Select(g =>
            {
                var clocks = g.Where(r => r.Clock is not null).Select(r => r.Clock!).ToList();
                var first = clocks.Where(c => c.ToPreliminary is not null).Select(c => c.ToPreliminary!.Value.TotalMinutes).Order()
                    .ToList();
                var final = clocks.Where(c => c.ToFinal is not null).Select(c => c.ToFinal!.Value.TotalMinutes).Order().ToList();
                return new FastLaneRow(
                    g.Key.TrustName,
                    g.Key.Lane,
                    g.Count(),
                    clocks.Count(c => c.FirstReportAt is not null || c.PreliminaryDue <= to),
                    clocks.Count(c => c.PreliminaryInTime == true),
                    Percentile.NearestRank(first, 0.5),
                    clocks.Count(c => c.FinalAt is not null || c.FinalDue <= to),
                    clocks.Count(c => c.FinalInTime == true),
                    Percentile.NearestRank(final, 0.5),
                    g.Count(r => r.Exam.State.IsOpen()));
            })];
    }

    private static string? Problem(string what, string text) =>
        text.Length > NoteMaxLength ? $"{what} may be at most {NoteMaxLength} characters; it has {text.Length}."
        : StoredText.UnstorableAt(text) is { } at ? StoredText.Refusal(what, text, at)
        : null;

    private async Task<Outcome> OnExamAsync(Guid examId, AccessScope scope, CancellationToken cancellationToken,
        Func<WorklistDbContext, Exam, DateTimeOffset, Outcome> step)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var exam = await db.Exams.SingleOrDefaultAsync(e => e.Id == examId, cancellationToken);
        if (exam is null || (await scope.TrustIdsAsync(db, now, cancellationToken) is { } trusts && !trusts.Contains(exam.TrustId)))
        {
            return Outcome.Rejected("There is no such exam, or it is not at a trust you may see.");
        }

        var outcome = step(db, exam, now);
        if (!outcome.Succeeded)
        {
            return outcome;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Rejected($"Exam {exam.Accession} changed just now, so nothing was saved; look again and retry.");
        }

        await announce.ExamAsync(exam, WorklistChangeKind.ExamUpdated, cancellationToken);
        return Outcome.Accepted;
    }
}
