using ImagingWorklist.Application.Claiming;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Workitems;

/// <summary>The worklist through DICOMweb UPS-RS (PS3.18 chapter 11): search, retrieve, change state, request cancellation.</summary>
public sealed class WorkitemService(IDbContextFactory<WorklistDbContext> contexts, ClaimService claims, TimeProvider clock)
{
    public const int MaxLimit = 500;

    public async Task<IReadOnlyList<Workitem>> SearchAsync(WorkitemQuery query, AccessScope scope,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var exams = await Scoped(db, scope, cancellationToken);
        exams = query.State switch
        {
            ProcedureStepState.Scheduled => exams.Where(e => e.State == ExamState.Ready),
            ProcedureStepState.InProgress => exams.Where(e => e.State == ExamState.Claimed || e.State == ExamState.Preliminary
                || e.State == ExamState.AwaitingVerification),
            ProcedureStepState.Completed => exams.Where(e => e.State == ExamState.Final || e.State == ExamState.Amended),
            ProcedureStepState.Canceled => exams.Where(e => e.State == ExamState.Cancelled),
            _ => exams.Where(e => e.State != ExamState.Ordered),
        };
        if (query.Priorities is { Length: > 0 } priorities)
        {
            exams = exams.Where(e => priorities.Contains(e.Priority));
        }

        if (!string.IsNullOrWhiteSpace(query.Accession)
            && Domain.Identifiers.AccessionNumber.Parse(query.Accession) is { Succeeded: true } accession)
        {
            exams = exams.Where(e => e.Accession == accession.Value);
        }

        if (!string.IsNullOrWhiteSpace(query.PatientId))
        {
            var id = query.PatientId.Trim();
            exams = Domain.Identifiers.NhsNumber.Parse(id) is { Succeeded: true } nhs
                ? exams.Where(e => e.Patient.NhsNumber == nhs.Value)
                : exams.Where(e => e.Patient.LocalMrn == id);
        }

        if (!string.IsNullOrWhiteSpace(query.Label))
        {
            var label = query.Label.Trim().TrimEnd('*');
            exams = exams.Where(e => e.ProcedureDescription.StartsWith(label));
        }

        var page = await exams.OrderBy(e => e.DueAt).ThenBy(e => e.Id)
            .Skip(Math.Max(0, query.Offset)).Take(Math.Clamp(query.Limit, 1, MaxLimit))
            .ToListAsync(cancellationToken);
        return await ToWorkitemsAsync(db, page, cancellationToken);
    }

    public async Task<Workitem?> RetrieveAsync(Guid examId, AccessScope scope, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var exam = await (await Scoped(db, scope, cancellationToken)).SingleOrDefaultAsync(e => e.Id == examId, cancellationToken);
        return exam is null ? null : (await ToWorkitemsAsync(db, [exam], cancellationToken))[0];
    }

    /// <summary>
    /// IN PROGRESS claims the exam with the caller's Transaction UID; COMPLETED finishes it; CANCELED, from the
    /// performer, gives it back to the pool (the order itself is only cancelled by the ordering trust's RIS).
    /// </summary>
    public async Task<WorkitemResult> ChangeStateAsync(Guid examId, ProcedureStepState state, Guid transaction, Actor actor,
        AccessScope scope, CancellationToken cancellationToken = default)
    {
        if (await RetrieveAsync(examId, scope, cancellationToken) is not { } item)
        {
            return new(WorkitemFailure.NotFound, "No such workitem.");
        }

        Outcome outcome;
        switch (state)
        {
            case ProcedureStepState.InProgress when actor.ReporterId is { } reporter:
                if (item.State == ProcedureStepState.Scheduled
                    && await claims.WhyNotAsync(examId, reporter, cancellationToken) is { } refusal)
                {
                    return new(WorkitemFailure.Forbidden, refusal);
                }

                var claimed = await claims.ClaimAsync(examId, reporter, actor, cancellationToken, transaction);
                outcome = claimed.Succeeded ? Outcome.Accepted : Outcome.Rejected(claimed.Reason!);
                break;
            case ProcedureStepState.InProgress:
                return new(WorkitemFailure.Invalid, "Only a reporter can take a workitem IN PROGRESS.");
            case ProcedureStepState.Completed:
                outcome = await claims.CompleteAsync(examId, transaction, actor, cancellationToken);
                break;
            case ProcedureStepState.Canceled:
                outcome = await claims.ReleaseAsync(examId, transaction, "Canceled by the performer (UPS-RS)", actor, cancellationToken);
                break;
            default:
                return new(WorkitemFailure.Invalid, "A workitem can be changed only to IN PROGRESS, COMPLETED or CANCELED.");
        }

        return outcome.Succeeded ? WorkitemResult.Done
            : new(item.State == ProcedureStepState.Scheduled && state != ProcedureStepState.InProgress ? WorkitemFailure.Invalid
            : WorkitemFailure.Conflict, outcome.Reason);
    }

    /// <summary>Records a request to cancel (the ordering trust decides); the workitem itself does not change.</summary>
    public async Task<WorkitemResult> RequestCancellationAsync(Guid examId, string? reason, Actor actor, AccessScope scope,
        CancellationToken cancellationToken = default)
    {
        if (await RetrieveAsync(examId, scope, cancellationToken) is not { } item)
        {
            return new(WorkitemFailure.NotFound, "No such workitem.");
        }

        if (item.State is ProcedureStepState.Completed or ProcedureStepState.Canceled)
        {
            return new(WorkitemFailure.Conflict, $"The workitem is already {item.State}.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var trust = await db.Exams.Where(e => e.Id == examId).Select(e => e.TrustId).SingleAsync(cancellationToken);
        db.Audit(actor, AuditAction.ExamCancelled, clock.GetUtcNow(), "Cancellation requested through UPS-RS", examId: examId,
            trustId: trust, reason: reason);
        await db.SaveChangesAsync(cancellationToken);
        return WorkitemResult.Done;
    }

    private Task<IQueryable<Exam>> Scoped(WorklistDbContext db, AccessScope scope, CancellationToken cancellationToken) =>
        scope.ExamsAsync(db, clock.GetUtcNow(), cancellationToken);

    private static async Task<List<Workitem>> ToWorkitemsAsync(WorklistDbContext db, List<Exam> exams, CancellationToken cancellationToken)
    {
        var holderIds = exams.Where(e => e.ClaimedById != null).Select(e => e.ClaimedById!.Value).Distinct().ToList();
        var holders = await db.Reporters.AsNoTracking().Where(r => holderIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.DisplayName, cancellationToken);
        return [.. exams.Select(e => new Workitem(
            e.Id,
            ProcedureStepStates.Of(e.State),
            e.Priority,
            e.ProcedureDescription,
            e.Accession.Value,
            e.StudyInstanceUid?.Value,
            e.Patient,
            e.ReadyAt ?? e.OrderedAt,
            e.DueAt,
            e.ClaimedById is { } holder ? holders.GetValueOrDefault(holder) : null))];
    }
}
