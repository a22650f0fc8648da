using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ImagingWorklist.Application.Reporting;

/// <summary>
/// Alerts in the national categories (CRITICAL, URGENT, CANCER): raised by the reporter, communicated (who was told,
/// how and when: at once or afterwards), open on the managers' dashboard until an acknowledgement is recorded, and
/// escalated once when that is overdue.
/// </summary>
public sealed class CriticalFindings(
    IDbContextFactory<WorklistDbContext> contexts,
    ChangeAnnouncer announce,
    CriticalFindingPolicy policy,
    TimeProvider clock,
    ILogger<CriticalFindings> logger)
{
    /// <summary>The categories this network offers, in order, with their national text code and wording.</summary>
    public IReadOnlyList<FindingCategory> Offered => policy.Offered;

    public async Task<Outcome<Guid>> RaiseAsync(
        Guid examId,
        Guid reporterId,
        FindingCategory category,
        string summary,
        string? suspectedPrimarySite,
        Communication? told,
        Actor actor,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var working = await ReportingAccess.WorkingOnAsync(db, examId, reporterId, "flag a finding on it", now, cancellationToken);
        if (!working.Succeeded)
        {
            return Outcome<Guid>.Rejected(working.Reason!);
        }

        var exam = working.Value!;

        var raised =
            CriticalFinding.Raise(Guid.NewGuid(), examId, exam.TrustId, category, summary, suspectedPrimarySite, reporterId, told, policy,
            now);
        if (!raised.Succeeded)
        {
            return Outcome<Guid>.Rejected(raised.Reason!);
        }

        var finding = raised.Value!;
        db.CriticalFindings.Add(finding);
        var code = CriticalFindingPolicy.TextCode(category);
        db.Audit(actor, told is null ? AuditAction.FindingRaised : AuditAction.CritNotification, now, told is null
            ? $"{code} finding raised on {exam.Accession}; not yet told to anyone"
            : $"{code} finding on {exam.Accession} communicated to {finding.CommunicatedTo} by {Labels.InSentence(Labels.Of(told.Method))}",
            examId: exam.Id, trustId: exam.TrustId);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("{Category} finding raised on exam {ExamId} by {Actor}", category, examId, actor.Name);
        await announce.ReportingAsync(examId, cancellationToken: cancellationToken);
        return Outcome<Guid>.Accepted(finding.Id);
    }

    /// <summary>Records who was told about a raised finding, how and when.</summary>
    public async Task<Outcome> CommunicateAsync(Guid findingId, Communication told, Actor actor, AccessScope scope,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var finding = await FindAsync(db, findingId, scope, now, cancellationToken);
        if (finding is null)
        {
            return Outcome.Rejected("There is no such finding among the trusts you may see.");
        }

        var communicated = finding.Communicate(told, policy, now);
        if (!communicated.Succeeded)
        {
            return communicated;
        }

        db.Audit(actor, AuditAction.CritNotification, now,
            $"{CriticalFindingPolicy.TextCode(finding.Category)} finding communicated to {finding.CommunicatedTo} by " +
                $"{Labels.InSentence(Labels.Of(told.Method))}",
            examId: finding.ExamId, trustId: finding.TrustId);
        return await SaveAsync(db, finding, "Someone recorded who was told about this finding just now.", cancellationToken);
    }

    /// <summary>Records that the referring team acknowledged the finding; the alert closes.</summary>
    public async Task<Outcome> AcknowledgeAsync(Guid findingId, string acknowledgedBy, DateTimeOffset acknowledgedAt, Actor actor,
        AccessScope scope, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var finding = await FindAsync(db, findingId, scope, now, cancellationToken);
        if (finding is null)
        {
            return Outcome.Rejected("There is no such finding among the trusts you may see.");
        }

        var acknowledged = finding.Acknowledge(acknowledgedBy, actor.Name, acknowledgedAt, now);
        if (!acknowledged.Succeeded)
        {
            return acknowledged;
        }

        db.Audit(actor, AuditAction.CritAcknowledged, now,
            $"{CriticalFindingPolicy.TextCode(finding.Category)} finding acknowledged by {finding.AcknowledgedBy}",
            examId: finding.ExamId, trustId: finding.TrustId);
        return await SaveAsync(db, finding, "Someone recorded an acknowledgement for this finding just now.", cancellationToken);
    }

    private static async Task<CriticalFinding?> FindAsync(WorklistDbContext db, Guid findingId, AccessScope scope, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var finding = await db.CriticalFindings.SingleOrDefaultAsync(f => f.Id == findingId, cancellationToken);
        return finding is null
            || (await scope.TrustIdsAsync(db, now, cancellationToken) is { } trusts && !trusts.Contains(finding.TrustId)) ? null : finding;
    }

    private async Task<Outcome> SaveAsync(WorklistDbContext db, CriticalFinding finding, string raced, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Rejected(raced);
        }

        await announce.ReportingAsync(finding.ExamId, cancellationToken: cancellationToken);
        return Outcome.Accepted;
    }

    /// <summary>Escalates every finding whose acknowledgement is overdue, once each; run by a hosted service.</summary>
    public async Task<int> EscalateOverdueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var overdue = await db.CriticalFindings.Where(f => f.AcknowledgedAt == null && f.EscalatedAt == null && f.AcknowledgeBy <= now)
            .ToListAsync(cancellationToken);
        foreach (var finding in overdue)
        {
            if (finding.Escalate(now).Succeeded)
            {
                db.Audit(Actor.System, AuditAction.CritEscalated, now,
                    $"{CriticalFindingPolicy.TextCode(finding.Category)} finding not acknowledged by " +
                        $"{finding.AcknowledgeBy:yyyy-MM-dd HH:mm} UTC: escalated to managers", examId: finding.ExamId,
                            trustId: finding.TrustId);
                logger.LogWarning("{Category} finding {FindingId} on exam {ExamId} not acknowledged in time: escalated", finding.Category,
                    finding.Id, finding.ExamId);
            }
        }

        if (overdue.Count == 0)
        {
            return 0;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another instance escalated (or someone acknowledged) at the same moment; the next sweep sees the truth.
            return 0;
        }

        foreach (var finding in overdue)
        {
            await announce.ReportingAsync(finding.ExamId, cancellationToken: cancellationToken);
        }

        return overdue.Count;
    }

    /// <summary>Open findings within the caller's trusts, overdue first; or the findings on one exam.</summary>
    public async Task<IReadOnlyList<FindingAlert>> AlertsAsync(AccessScope scope, Guid? examId = null,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var findings = db.CriticalFindings.AsNoTracking();
        if (await scope.TrustIdsAsync(db, now, cancellationToken) is { } trusts)
        {
            findings = findings.Where(f => trusts.Contains(f.TrustId));
        }

        findings = examId is { } id ? findings.Where(f => f.ExamId == id) : findings.Where(f => f.AcknowledgedAt == null);
        var rows = await (
            from f in findings
            join e in db.Exams on f.ExamId equals e.Id
            join t in db.Trusts on f.TrustId equals t.Id
            join r in db.Reporters on f.RaisedById equals r.Id
            orderby f.AcknowledgeBy
            select new { f, e.Accession, TrustName = t.Name, r.DisplayName })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(x => new FindingAlert(
            x.f.Id, x.f.ExamId, x.Accession.Value, x.TrustName, x.f.Category, x.f.State, x.f.Summary, x.f.SuspectedPrimarySite,
                x.DisplayName, x.f.RaisedAt,
            x.f.CommunicatedTo, x.f.Method, x.f.CommunicatedAt, x.f.AcknowledgeBy, x.f.AcknowledgedAt, x.f.AcknowledgedBy,
                x.f.EscalatedAt))];
    }
}
