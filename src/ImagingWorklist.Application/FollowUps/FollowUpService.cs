using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Ingest;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Application.Reporting;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.FollowUps;

/// <summary>
/// Follow-up recommendations, tracked to closure across the network: a reporter working on an exam recommends one; an
/// order for the same patient and a matching procedure from any trust closes it (<see cref="CloseByOrdersAsync"/>, run
/// inside the ingest's transaction); a manager closes it by hand with a reason; overdue ones head the tracking list.
/// </summary>
public sealed class FollowUpService(IDbContextFactory<WorklistDbContext> contexts, ChangeAnnouncer announce, FollowUpPolicy policy,
    TimeProvider clock) : IIngestObserver
{
    public FollowUpPolicy Policy => policy;

    /// <summary>The catalogue's procedures a follow-up may name, by description.</summary>
    public async Task<IReadOnlyList<(string Code, string Description)>> ProceduresAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var procedures = await db.Procedures.AsNoTracking().Select(p => new { p.Code, p.Description }).ToListAsync(cancellationToken);
        return [.. procedures.OrderBy(p => p.Description, StringComparer.OrdinalIgnoreCase).Select(p => (p.Code, p.Description))];
    }

    public async Task<Outcome<Guid>> RecommendAsync(Guid examId, Guid reporterId, FollowUpRequest request, Actor actor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var working = await ReportingAccess.WorkingOnAsync(db, examId, reporterId, "recommend a follow-up", now, cancellationToken);
        if (!working.Succeeded)
        {
            return Outcome<Guid>.Rejected(working.Reason!);
        }

        var exam = working.Value!;

        var what = FollowUpWhat.ClinicalReview;
        if (!string.IsNullOrWhiteSpace(request.ProcedureCode))
        {
            var code = request.ProcedureCode.Trim().ToUpperInvariant();
            var procedure = await db.Procedures.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
            if (procedure is null)
            {
                return Outcome<Guid>.Rejected(
                    $"'{request.ProcedureCode.Trim()}' is not a procedure in the network's catalogue; choose one, or a clinical review.");
            }

            what = new FollowUpWhat(procedure.Code, procedure.Modality, procedure.BodyPart, procedure.Description);
        }

        var recommended =
            FollowUp.Recommend(Guid.NewGuid(), exam, what, request.DueBy, request.Reason, request.Recipient, request.RecipientName,
            reporterId, now);
        if (!recommended.Succeeded)
        {
            return Outcome<Guid>.Rejected(recommended.Reason!);
        }

        var followUp = recommended.Value!;
        db.FollowUps.Add(followUp);
        db.Audit(actor, AuditAction.FollowUpRecommended, now,
            $"{followUp.Description} by {UkCalendar.WriteDate(followUp.DueBy)} recommended on {exam.Accession} for the " +
                $"{Labels.InSentence(Labels.Of(followUp.Recipient))}",
            examId: exam.Id, trustId: exam.TrustId);
        await db.SaveChangesAsync(cancellationToken);
        await announce.ReportingAsync(exam.Id, cancellationToken: cancellationToken);
        return Outcome<Guid>.Accepted(followUp.Id);
    }

    public async Task<Outcome> CloseAsync(Guid id, FollowUpClosure closure, string? note, Actor actor, AccessScope scope,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var followUp = await db.FollowUps.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (followUp is null || (await scope.TrustIdsAsync(db, now, cancellationToken) is { } trusts && !trusts.Contains(followUp.TrustId)))
        {
            return Outcome.Rejected("There is no such recommendation among the trusts you may see.");
        }

        var closed = followUp.Close(closure, note, actor.Name, now);
        if (!closed.Succeeded)
        {
            return closed;
        }

        db.Audit(actor, AuditAction.FollowUpClosed, now,
            $"{followUp.Description} recommendation closed: {Labels.InSentence(Labels.Of(closure))}",
            examId: followUp.ExamId, trustId: followUp.TrustId, reason: followUp.ClosedNote);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Rejected("This recommendation was closed by someone else just now.");
        }

        await announce.ReportingAsync(followUp.ExamId, cancellationToken: cancellationToken);
        return Outcome.Accepted;
    }

    /// <summary>The tracking list: recommendations of the trusts in scope, soonest date first.</summary>
    public async Task<IReadOnlyList<FollowUpRow>> ListAsync(
        AccessScope scope, FollowUpView view, Guid? examId = null, CancellationToken cancellationToken = default, Guid? followUpId = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var now = clock.GetUtcNow();
        var today = UkCalendar.DayOf(now);
        var soon = today.AddDays((int)Math.Ceiling(policy.DueSoon.TotalDays));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var followUps = db.FollowUps.AsNoTracking();
        if (await scope.TrustIdsAsync(db, now, cancellationToken) is { } trusts)
        {
            followUps = followUps.Where(f => trusts.Contains(f.TrustId));
        }

        if (followUpId is { } one)
        {
            followUps = followUps.Where(f => f.Id == one);
        }

        followUps = examId is { } id ? followUps.Where(f => f.ExamId == id) : view switch
        {
            FollowUpView.NeedsAction => followUps.Where(f => f.Status == FollowUpStatus.Open && f.DueBy <= soon),
            FollowUpView.Overdue => followUps.Where(f => f.Status == FollowUpStatus.Open && f.DueBy < today),
            FollowUpView.Open => followUps.Where(f => f.Status == FollowUpStatus.Open),
            FollowUpView.Closed => followUps.Where(f => f.Status != FollowUpStatus.Open),
            _ => followUps,
        };
        var rows = await (
            from f in followUps
            join e in db.Exams on f.ExamId equals e.Id
            join t in db.Trusts on f.TrustId equals t.Id
            join r in db.Reporters on f.RecommendedById equals r.Id
            orderby f.DueBy, f.RecommendedAt
            select new { f, e.Accession, e.Patient, TrustName = t.Name, r.DisplayName })
            .ToListAsync(cancellationToken);
        var doneIds = rows.Where(x => x.f.DoneByExamId is not null).Select(x => x.f.DoneByExamId!.Value).ToList();
        var done = await (
            from d in db.Exams.AsNoTracking()
            where doneIds.Contains(d.Id)
            join t in db.Trusts on d.TrustId equals t.Id
            select new { d.Id, d.Accession, d.ProcedureDescription, TrustName = t.Name })
            .ToDictionaryAsync(d => d.Id, d => $"{d.ProcedureDescription} ordered at {d.TrustName} ({d.Accession.Value})",
                cancellationToken);
        return [.. rows.Select(x => new FollowUpRow(
            x.f.Id, x.f.ExamId, x.Accession.Value, x.TrustName, $"{x.Patient.FamilyName.ToUpperInvariant()}, {x.Patient.GivenName}",
                x.f.PatientNhsNumber, x.f.PatientMrn,
            x.f.Description, x.f.ProcedureCode, x.f.DueBy, x.f.Reason, x.f.Recipient, x.f.RecipientName, x.DisplayName, x.f.RecommendedAt,
                x.f.Status,
            x.f.IsOverdueOn(today), x.f.IsDueSoonOn(today, policy),
            x.f.DoneByExamId is { } doneBy ? done.GetValueOrDefault(doneBy) : null,
            x.f.ClosedAt, x.f.Closure, x.f.ClosedNote, x.f.ClosedBy))];
    }

    /// <summary>
    /// Closes the open recommendations that newly ordered exams satisfy, in the caller's unit of work (the ingest batch):
    /// one query for the whole batch. Returns the exams whose recommendations closed, to be announced after the commit.
    /// </summary>
    public Task<IReadOnlyList<Guid>> OrdersAddedAsync(WorklistDbContext db, IReadOnlyCollection<Exam> ordered, DateTimeOffset now)
        => CloseByOrdersAsync(db, ordered, policy, now);

    public Task PatientMergedAsync(WorklistDbContext db, Guid trustId, string mergedAwayMrn, Patient surviving, DateTimeOffset now) =>
        CarryOnMergeAsync(db, trustId, mergedAwayMrn, surviving, now);

    public static async Task<IReadOnlyList<Guid>> CloseByOrdersAsync(WorklistDbContext db, IReadOnlyCollection<Exam> ordered,
        FollowUpPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        if (ordered.Count == 0)
        {
            return [];
        }

        var numbers = ordered.Where(e => e.Patient.NhsNumber is not null).Select(e => e.Patient.NhsNumber!.Value).Distinct().ToList();
        var records = ordered.Select(e => e.Patient.LocalMrn).Distinct().ToList();
        var open = await db.FollowUps
            .Where(f => f.Status == FollowUpStatus.Open && f.ProcedureCode != null
                && ((f.PatientNhsNumber != null && numbers.Contains(f.PatientNhsNumber)) || records.Contains(f.PatientMrn)))
            .ToListAsync();
        var closed = new List<Guid>();
        foreach (var followUp in open)
        {
            if (ordered.FirstOrDefault(e => followUp.IsMetBy(e, policy)) is { } order && followUp.Complete(order.Id, now).Succeeded)
            {
                db.Audit(Actor.System, AuditAction.FollowUpCompleted, now,
                    $"{followUp.Description} recommendation met by order {order.Accession} ({order.ProcedureDescription})",
                    examId: followUp.ExamId, trustId: followUp.TrustId);
                closed.Add(followUp.ExamId);
            }
        }

        return closed;
    }

    /// <summary>ADT^A40 at a trust: the open recommendations of the merged-away record follow the surviving patient.</summary>
    public static async Task<int> CarryOnMergeAsync(WorklistDbContext db, Guid trustId, string mergedAwayMrn, Patient surviving,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(surviving);
        var open = await db.FollowUps.Where(f => f.TrustId == trustId && f.PatientMrn == mergedAwayMrn && f.Status == FollowUpStatus.Open)
            .ToListAsync();
        foreach (var followUp in open)
        {
            followUp.MoveTo(surviving);
            db.Audit(Actor.System, AuditAction.PatientUpdated, now,
                $"Open {followUp.Description} recommendation moved from record {mergedAwayMrn} to {surviving.LocalMrn}",
                examId: followUp.ExamId, trustId: trustId);
        }

        return open.Count;
    }
}
