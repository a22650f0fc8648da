using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Engine;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ImagingWorklist.Application.Claiming;

/// <summary>
/// Claims, leases, release, hold, reassignment. The database arbitrates: each change is an update guarded by the
/// exam's version, so of any number of people (on any number of app instances) acting at once exactly one wins, and the
/// rest get a reason. The audit row commits in the same transaction as the change; the notification follows the commit.
/// </summary>
public sealed class ClaimService(
    IDbContextFactory<WorklistDbContext> contexts,
    WorklistEngineHost engine,
    ChangeAnnouncer announce,
    TimeProvider clock,
    ClaimSettings settings,
    ILogger<ClaimService> logger)
{
    /// <param name="leaseToken">The caller's own token (a UPS-RS Transaction UID); a new one when omitted.</param>
    public async Task<Outcome<Claim>> ClaimAsync(Guid examId, Guid reporterId, Actor actor, CancellationToken cancellationToken = default,
        Guid? leaseToken = null)
    {
        var verdict = await JudgeAsync(reporterId, examId, cancellationToken);
        if (!verdict.Succeeded)
        {
            WorklistMetrics.Claim("refused");
            return Outcome<Claim>.Rejected(verdict.Reason!);
        }

        if (verdict.Value is { IsEligible: false } refusal)
        {
            WorklistMetrics.Claim("ineligible", refusal.Reasons[0].Reason.ToString());
            return Outcome<Claim>.Rejected(string.Join(" ", refusal.Reasons.Select(r => r.Explanation)));
        }

        var token = leaseToken ?? Guid.NewGuid();
        var offered = ClaimOffers.Offered(engine, reporterId);
        if (await FastClaimAsync(examId, reporterId, token, actor, cancellationToken) is { } fast)
        {
            WorklistMetrics.Claim("claimed");
            await ClaimOffers.RecordAsync(contexts, examId, reporterId, offered, fast.ClaimedAt, logger, cancellationToken);
            return Outcome<Claim>.Accepted(fast);
        }

        Claim? claim = null;
        var outcome = await ChangeAsync(examId, actor, AuditAction.InterpStarted, null, WorklistChangeKind.ExamClaimed, (exam, now) =>
        {
            var claimed = exam.Claim(reporterId, token, settings.Lease, now);
            claim = claimed.Value;
            return claimed.Succeeded ? Outcome.Accepted : Outcome.Rejected(claimed.Reason!);
        }, cancellationToken);
        WorklistMetrics.Claim(outcome.Succeeded ? "claimed" : "taken");
        if (outcome.Succeeded)
        {
            await ClaimOffers.RecordAsync(contexts, examId, reporterId, offered, claim!.ClaimedAt, logger, cancellationToken);
        }

        return outcome.Succeeded ? Outcome<Claim>.Accepted(claim!) : Outcome<Claim>.Rejected(outcome.Reason!);
    }

    /// <summary>
    /// Why this reporter may not take this exam at all (scope of practice, credential, rota, capacity), or null when
    /// they may: a refusal about the person, not about a race with a colleague.
    /// </summary>
    public async Task<string?> WhyNotAsync(Guid examId, Guid reporterId, CancellationToken cancellationToken = default)
    {
        var verdict = await JudgeAsync(reporterId, examId, cancellationToken);
        return !verdict.Succeeded ? verdict.Reason
            : verdict.Value is { IsEligible: false } refusal ? string.Join(" ", refusal.Reasons.Select(r => r.Explanation))
            : null;
    }

    /// <summary>The heartbeat of an open exam view.</summary>
    public Task<Outcome> RenewAsync(Guid examId, Guid leaseToken, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(examId, actor, AuditAction.LeaseRenewed, null, null, (exam, now) => exam.RenewLease(leaseToken, settings.Lease, now),
            cancellationToken, audit: false);

    public Task<Outcome> ReleaseAsync(Guid examId, Guid leaseToken, string reason, Actor actor,
        CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(reason)
            ? Task.FromResult(Outcome.Rejected("Say why you are releasing the exam, so whoever picks it up knows."))
            : ChangeAsync(examId, actor, AuditAction.Sendback, reason, WorklistChangeKind.ExamReleased,
                (exam, now) => exam.Release(leaseToken, now), cancellationToken);

    /// <summary>
    /// The reporter passes over the proposed next case: the engine offers something else for a while, and the audit trail
    /// keeps the skip with its reason, so it counts in the reporter's activity after a restart too.
    /// </summary>
    public async Task<Outcome> SkipAsync(Guid examId, Guid reporterId, string reason, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var outcome = engine.RecordSkip(reporterId, examId, reason);
        if (!outcome.Succeeded)
        {
            return outcome;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var trust = await db.Exams.Where(e => e.Id == examId).Select(e => (Guid?)e.TrustId).SingleOrDefaultAsync(cancellationToken);
        db.Audit(actor, AuditAction.CaseSkipped, clock.GetUtcNow(), "Skipped the proposed next case", examId: examId, trustId: trust,
            reason: reason.Trim());
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Accepted;
    }

    public Task<Outcome> HoldAsync(Guid examId, string reason, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(examId, actor, AuditAction.ExamHeld, reason, WorklistChangeKind.ExamUpdated, (exam, now) => exam.Hold(reason, now),
            cancellationToken);

    public Task<Outcome> ResumeAsync(Guid examId, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(examId, actor, AuditAction.ExamResumed, null, WorklistChangeKind.ExamUpdated, (exam, now) => exam.Resume(now),
            cancellationToken);

    /// <summary>A manager hands an exam to another reporter, who must be eligible for it; any draft stays with the exam.</summary>
    public async Task<Outcome> ReassignAsync(Guid examId, Guid toReporterId, string reason, Actor actor,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Outcome.Rejected("A reassignment needs a reason.");
        }

        var verdict = await JudgeAsync(toReporterId, examId, cancellationToken);
        if (!verdict.Succeeded)
        {
            return Outcome.Rejected(verdict.Reason!);
        }

        if (verdict.Value is { IsEligible: false, FailsOnlyOnCapacity: false } refusal)
        {
            return Outcome.Rejected("That reporter may not take this exam: "
                + string.Join(" ", refusal.Reasons.Select(r => r.Explanation)));
        }

        return await ChangeAsync(examId, actor, AuditAction.ExamReassigned, reason, WorklistChangeKind.ExamClaimed, (exam, now) =>
        {
            if (exam.State is not (ExamState.Ready or ExamState.Claimed))
            {
                return Outcome.Rejected($"Exam {exam.Accession} is {exam.State} and cannot be reassigned.");
            }

            if (exam.State == ExamState.Claimed && exam.CurrentClaim is { } current && !current.IsExpiredAt(now))
            {
                var released = exam.Release(current.LeaseToken, now);
                if (!released.Succeeded)
                {
                    return released;
                }
            }

            var claimed = exam.Claim(toReporterId, Guid.NewGuid(), settings.Lease, now);
            return claimed.Succeeded ? Outcome.Accepted : Outcome.Rejected(claimed.Reason!);
        }, cancellationToken);
    }

    /// <summary>
    /// The holder reports the exam as done elsewhere (a UPS-RS COMPLETED from a reporting workstation). Reports written
    /// in the worklist itself are signed through the reporting workflow instead.
    /// </summary>
    public Task<Outcome> CompleteAsync(Guid examId, Guid leaseToken, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(examId, actor, AuditAction.Reported, "Completed by the performer's workstation", WorklistChangeKind.ExamReported,
            (exam, now) =>
        {
            if (exam.ClaimToken != leaseToken || exam.ClaimedById is not { } holder)
            {
                return Outcome.Rejected($"You do not hold exam {exam.Accession}.");
            }

            return exam.Finalise(holder, now);
        }, cancellationToken);

    /// <summary>Releases every claim whose lease has lapsed; run by a hosted service. Returns how many were released.</summary>
    public async Task<int> ExpireLeasesAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        List<Guid> expired;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            expired = await db.Exams.AsNoTracking()
                .Where(e => e.State == ExamState.Claimed && e.LeaseExpiresAt <= now)
                .Select(e => e.Id)
                .ToListAsync(cancellationToken);
        }

        var released = 0;
        foreach (var examId in expired)
        {
            var outcome =
                await ChangeAsync(examId, Actor.System, AuditAction.LeaseExpired, "Lease expired without a heartbeat",
                WorklistChangeKind.ExamReleased, (exam, at) => exam.ExpireLease(at), cancellationToken);
            released += outcome.Succeeded ? 1 : 0;
        }

        WorklistMetrics.LeasesExpired(released);
        return released;
    }

    /// <summary>
    /// Withdraws every claim whose holder no longer holds a valid credential for the exam's trust, so nobody keeps a case
    /// they may no longer open: the exam goes back to the worklist for colleagues, and the audit trail (which managers
    /// see on the exam) says why. Run by a hosted service with lease expiry. Returns how many were withdrawn.
    /// </summary>
    /// <summary>How a withdrawal's audit detail names the reporter it was taken from (so they can be told).</summary>
    public static string WithdrawnFrom(Guid reporterId) => $"from reporter {reporterId}";

    public async Task<int> WithdrawLapsedClaimsAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        List<(Guid Exam, Guid HolderId, string Holder, string Trust)> lapsed;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var valid = db.Credentials.ValidAt(now);
            lapsed = [.. (await (
                from e in db.Exams.AsNoTracking()
                where e.State == ExamState.Claimed && !valid.Any(c => c.ReporterId == e.ClaimedById && c.TrustId == e.TrustId)
                join r in db.Reporters on e.ClaimedById equals r.Id
                join t in db.Trusts on e.TrustId equals t.Id
                select new { e.Id, HolderId = r.Id, r.DisplayName, t.Name })
                .ToListAsync(cancellationToken)).Select(x => (x.Id, x.HolderId, x.DisplayName, x.Name))];
        }

        var withdrawn = 0;
        foreach (var (examId, holderId, holder, trust) in lapsed)
        {
            var reason =
                $"{holder} no longer holds a valid credential for {trust}, so the claim was withdrawn and the exam went back to the " +
                    $"worklist.";
            var outcome = await ChangeAsync(
                examId, Actor.System, AuditAction.ClaimWithdrawn, reason, WorklistChangeKind.ExamReleased,
                    (exam, at) => exam.WithdrawClaim(holderId, at), cancellationToken,
                subject: WithdrawnFrom(holderId));
            withdrawn += outcome.Succeeded ? 1 : 0;
        }

        return withdrawn;
    }

    /// <summary>
    /// The eligibility verdict for a reporter and an exam. If this instance has not heard of either yet (just added on
    /// another instance), it reads both first. The verdict is null when the exam is not in the open pool (on hold,
    /// reported): the entity's own transition then refuses with the reason.
    /// </summary>
    private async Task<Outcome<EligibilityVerdict?>> JudgeAsync(Guid reporterId, Guid examId, CancellationToken cancellationToken)
    {
        var verdict = engine.Check(reporterId, examId);
        if (verdict is null)
        {
            await engine.RefreshExamAsync(examId, cancellationToken);
            await engine.RefreshReportersAsync(reporterId, cancellationToken);
            verdict = engine.Check(reporterId, examId);
            if (verdict is null && !engine.Knows(reporterId))
            {
                return Outcome<EligibilityVerdict?>.Rejected("That person is not set up as a reporter, so cannot hold exams.");
            }
        }

        return Outcome<EligibilityVerdict?>.Accepted(verdict);
    }

    /// <summary>
    /// One round trip where the provider allows it (PostgreSQL). Null when it does not apply; the entity path then decides
    /// and, if it refuses, says why.
    /// </summary>
    private async Task<Claim?> FastClaimAsync(Guid examId, Guid reporterId, Guid token, Actor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        int? version;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            version =
                await ExamClaimStatement.TryClaimAsync(db, examId, reporterId, token, now, settings.Lease, actor.Name, actor.Source,
                cancellationToken);
        }

        if (version is not { } newVersion)
        {
            return null;
        }

        logger.LogInformation("{Action} on exam {ExamId} by {Actor}", AuditAction.InterpStarted, examId, actor.Name);
        await announce.ExamClaimedAsync(examId, reporterId, newVersion, cancellationToken);
        return new Claim(reporterId, token, now, now + settings.Lease);
    }

    private async Task<Outcome> ChangeAsync(
        Guid examId,
        Actor actor,
        AuditAction action,
        string? reason,
        WorklistChangeKind? change,
        Func<Exam, DateTimeOffset, Outcome> transition,
        CancellationToken cancellationToken,
        bool audit = true,
        string? subject = null)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var exam = await db.Exams.SingleOrDefaultAsync(e => e.Id == examId, cancellationToken);
        if (exam is null)
        {
            return Outcome.Rejected("No such exam.");
        }

        var outcome = transition(exam, now);
        if (!outcome.Succeeded)
        {
            return await Explained(db, exam, outcome, cancellationToken);
        }

        if (audit)
        {
            db.Audit(actor, action, now, subject is null ? $"{action} {exam.Accession}" : $"{action} {exam.Accession} {subject}",
                examId: exam.Id, trustId: exam.TrustId, reason: reason?.Trim());
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else changed the exam between our read and our write; their change stands.
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            var current = await fresh.Exams.AsNoTracking().SingleAsync(e => e.Id == examId, cancellationToken);
            var retry = transition(current, now);
            return await Explained(fresh, current, retry.Succeeded
                ? Outcome.Rejected($"Exam {current.Accession} changed just now; try again.") : retry, cancellationToken);
        }

        logger.LogInformation("{Action} on exam {ExamId} by {Actor}", action, exam.Id, actor.Name);
        if (change is { } kind)
        {
            await announce.ExamAsync(exam, kind, cancellationToken);
        }

        return Outcome.Accepted;
    }

    /// <summary>Names the holder in a refusal ("already claimed by Dr X since 10:04"), which the domain cannot know.</summary>
    private static async Task<Outcome> Explained(WorklistDbContext db, Exam exam, Outcome refusal, CancellationToken cancellationToken)
    {
        if (exam.CurrentClaim is not { } claim || !refusal.Reason!.Contains("another reporter", StringComparison.Ordinal))
        {
            return refusal;
        }

        var holder = await db.Reporters.AsNoTracking().Where(r => r.Id == claim.ReporterId).Select(r => r.DisplayName)
            .SingleOrDefaultAsync(cancellationToken);
        return Outcome.Rejected(
            $"Exam {exam.Accession} is already claimed by {holder ?? "another reporter"} since {claim.ClaimedAt:HH:mm} UTC.");
    }
}
