using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Admin;

/// <summary>
/// Grants and ends reporters' credentials (the right to report for a trust, and to see its patients). Each change is
/// audited, applied to the engine at once and pushed to open worklists. A credential is never deleted: it is ended,
/// so the history of who could see what stays readable.
/// </summary>
public sealed class CredentialAdministration(IDbContextFactory<WorklistDbContext> contexts, ChangeAnnouncer announce, TimeProvider clock)
{
    public async Task<Outcome<Guid>> GrantAsync(Guid reporterId, Guid trustId, DateOnly validFrom, DateOnly? validTo, Actor actor,
        CancellationToken cancellationToken = default)
    {
        if (validTo is { } to && to <= validFrom)
        {
            return Outcome<Guid>.Rejected("The end date must be after the start date.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reporter = await db.Reporters.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reporterId, cancellationToken);
        var trust = await db.Trusts.AsNoTracking().SingleOrDefaultAsync(t => t.Id == trustId, cancellationToken);
        if (reporter is null || trust is null)
        {
            return Outcome<Guid>.Rejected("That reporter or trust no longer exists; reload the page.");
        }

        var from = Midnight(validFrom);
        var until = validTo is { } end ? Midnight(end) : (DateTimeOffset?)null;
        var existing = await db.Credentials.AsNoTracking().Where(c => c.ReporterId == reporterId && c.TrustId == trustId)
            .ToListAsync(cancellationToken);
        if (existing.Any(c => c.ValidFrom < (until ?? DateTimeOffset.MaxValue) && (c.ValidTo ?? DateTimeOffset.MaxValue) > from))
        {
            return Outcome<Guid>.Rejected(
                $"{reporter.DisplayName} already holds a credential for {trust.Name} overlapping those dates; end it first.");
        }

        var credential = new Credential(Guid.NewGuid(), reporterId, trustId, from, until);
        db.Credentials.Add(credential);
        db.Audit(actor, AuditAction.ConfigurationChanged, clock.GetUtcNow(),
            $"Granted {reporter.DisplayName} a credential for {trust.Name} from {validFrom:dd/MM/yyyy}" +
                $"{(validTo is { } t ? $" to {t:dd/MM/yyyy}" : " (open-ended)")}", trustId: trustId);
        await db.SaveChangesAsync(cancellationToken);
        await announce.ReporterAsync(reporterId, cancellationToken);
        return Outcome<Guid>.Accepted(credential.Id);
    }

    /// <summary>Ends a credential now: from this moment the reporter is not eligible for, and cannot see, that trust's exams.</summary>
    public async Task<Outcome> EndAsync(Guid credentialId, string reason, Actor actor, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Outcome.Rejected("Give a reason for ending the credential; it goes in the audit trail.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var credential = await db.Credentials.SingleOrDefaultAsync(c => c.Id == credentialId, cancellationToken);
        if (credential is null)
        {
            return Outcome.Rejected("That credential no longer exists; reload the page.");
        }

        var now = clock.GetUtcNow();
        if (credential.ValidTo is { } to && to <= now)
        {
            return Outcome.Rejected("That credential has already ended.");
        }

        var reporter = await db.Reporters.AsNoTracking().Where(r => r.Id == credential.ReporterId).Select(r => r.DisplayName)
            .SingleAsync(cancellationToken);
        var trust = await db.Trusts.AsNoTracking().Where(t => t.Id == credential.TrustId).Select(t => t.Name)
            .SingleAsync(cancellationToken);
        var replacement =
            new Credential(credential.Id, credential.ReporterId, credential.TrustId, credential.ValidFrom, now > credential.ValidFrom ? now
            : credential.ValidFrom.AddTicks(1));
        db.Entry(credential).CurrentValues.SetValues(replacement);
        db.Audit(actor, AuditAction.ConfigurationChanged, now, $"Ended {reporter}'s credential for {trust}", trustId: credential.TrustId,
            reason: reason.Trim());
        await db.SaveChangesAsync(cancellationToken);
        await announce.ReporterAsync(credential.ReporterId, cancellationToken);
        return Outcome.Accepted;
    }

    private static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
