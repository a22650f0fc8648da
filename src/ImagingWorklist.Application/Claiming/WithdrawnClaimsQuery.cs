using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Claiming;

/// <summary>Claims the system took back (<see cref="ClaimService.WithdrawLapsedClaimsAsync"/>), read from the audit trail.</summary>
public sealed class WithdrawnClaimsQuery(IDbContextFactory<WorklistDbContext> contexts, TimeProvider clock)
{
    /// <summary>
    /// Claims taken back from the reporter since <paramref name="since"/>, newest first, with the reason: shown on their
    /// worklist so that a case that left their list is never a mystery.
    /// </summary>
    public Task<IReadOnlyList<WithdrawnClaim>> WithdrawnFromAsync(Guid reporterId, DateTimeOffset since,
        CancellationToken cancellationToken = default) =>
        WithdrawnAsync(since, reporterId, null, cancellationToken);

    /// <summary>Every claim taken back since <paramref name="since"/> at the trusts in the viewer's scope (the managers' view).</summary>
    public async Task<IReadOnlyList<WithdrawnClaim>> WithdrawnAsync(AccessScope scope, DateTimeOffset since,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await WithdrawnAsync(since, null, await scope.TrustIdsAsync(db, clock.GetUtcNow(), cancellationToken), cancellationToken);
    }

    /// <summary>Withdrawals since a time, from one reporter (or anyone), at some trusts (or all of them when null).</summary>
    private async Task<IReadOnlyList<WithdrawnClaim>> WithdrawnAsync(DateTimeOffset since, Guid? fromReporter, IReadOnlyList<Guid>? trusts,
        CancellationToken cancellationToken)
    {
        var subject = fromReporter is { } reporterId ? ClaimService.WithdrawnFrom(reporterId) : null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (
            from a in db.AuditEvents.AsNoTracking()
            where a.Action == AuditAction.ClaimWithdrawn && a.At >= since && (subject == null || a.Detail.EndsWith(subject))
            join e in db.Exams on a.ExamId equals e.Id
            where trusts == null || trusts.Contains(e.TrustId)
            select new { a.At, e.Id, e.ProcedureDescription, e.Accession, a.Reason })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.At)
            .Select(r => new WithdrawnClaim(r.At, r.Id, r.ProcedureDescription, r.Accession.Value, r.Reason ?? string.Empty))];
    }
}
