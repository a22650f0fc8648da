using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Tests.Claiming;

public class ClaimServiceTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AClaimIsRecordedAuditedAnnouncedAndLeavesOtherReportersLists(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider);
        var exam = world.Exams[0];

        var claim = await world.Claims.ClaimAsync(exam.Id, world.Reporters[0].Id, world.As(0));

        Assert.True(claim.Succeeded, claim.Reason);
        await using var db = world.Database.CreateDbContext();
        var stored = await db.Exams.SingleAsync(e => e.Id == exam.Id);
        Assert.Equal((ExamState.Claimed, world.Reporters[0].Id, claim.Value!.LeaseToken),
            (stored.State, stored.ClaimedById, stored.ClaimToken!.Value));
        Assert.Equal(world.Clock.GetUtcNow().AddMinutes(20), stored.LeaseExpiresAt);
        Assert.Equal((world.Clock.GetUtcNow(), world.Clock.GetUtcNow(), exam.Version + 1),
            (stored.ClaimedAt!.Value, stored.UpdatedAt, stored.Version));
        Assert.Equal(
            new Domain.Exams.Claim(world.Reporters[0].Id, claim.Value.LeaseToken, world.Clock.GetUtcNow(), world.Clock.GetUtcNow()
            .AddMinutes(20)), stored.CurrentClaim);
        var audit = await db.AuditEvents.SingleAsync();
        Assert.Equal((AuditAction.InterpStarted, "Dr Reporter 1", exam.Id, exam.TrustId, $"InterpStarted {exam.Accession}"),
            (audit.Action, audit.Actor, audit.ExamId, audit.TrustId, audit.Detail));
        Assert.Contains(world.Announced, c => c.Kind == WorklistChangeKind.ExamClaimed && c.ExamId == exam.Id
            && c.Version == stored.Version);
        Assert.DoesNotContain(world.Engine.RankedFor(world.Reporters[1].Id), r => r.Exam.Id == exam.Id);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ASkipNeedsAReasonIsAuditedAndMovesNextCaseOn(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider);
        var reporter = world.Reporters[0];
        var first = world.Engine.NextCase(reporter.Id).Case!.Exam;

        var refused = await world.Claims.SkipAsync(first.Id, reporter.Id, "  ", world.As(0));
        var skipped = await world.Claims.SkipAsync(first.Id, reporter.Id, "Conflict of interest: a relative", world.As(0));

        Assert.False(refused.Succeeded);
        Assert.True(skipped.Succeeded, skipped.Reason);
        Assert.NotEqual(first.Id, world.Engine.NextCase(reporter.Id).Case!.Exam.Id);
        await using var db = world.Database.CreateDbContext();
        var audit = await db.AuditEvents.SingleAsync();
        Assert.Equal((AuditAction.CaseSkipped, "Dr Reporter 1", first.Id, "Conflict of interest: a relative"),
            (audit.Action, audit.Actor, audit.ExamId, audit.Reason));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ASecondClaimantIsToldWhoHoldsTheExamAndSince(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider);
        var exam = world.Exams[0];
        await world.Claims.ClaimAsync(exam.Id, world.Reporters[0].Id, world.As(0));

        var second = await world.Claims.ClaimAsync(exam.Id, world.Reporters[1].Id, world.As(1));

        Assert.False(second.Succeeded);
        Assert.Equal($"Exam {exam.Accession} is already claimed by Dr Reporter 1 since 10:00 UTC.", second.Reason);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnIneligibleReporterCannotClaimAndIsToldWhy(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider);
        world.Clock.Advance(TimeSpan.FromHours(7));

        var claim = await world.Claims.ClaimAsync(world.Exams[0].Id, world.Reporters[0].Id, world.As(0));

        Assert.False(claim.Succeeded);
        Assert.Contains("not on duty", claim.Reason);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task YourCasesAreListedSoonestDueFirstWhateverOrderTheyWereClaimedIn(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider);
        foreach (var exam in world.Exams.OrderByDescending(e => e.DueAt))
        {
            Assert.True((await world.Claims.ClaimAsync(exam.Id, world.Reporters[0].Id, world.As(0))).Succeeded);
        }

        var held = await new Application.Worklist.OpenExamsQuery(world.Database, world.Clock).HeldByAsync(world.Reporters[0].Id);

        Assert.Equal(world.Exams.OrderBy(e => e.DueAt).Select(e => e.Id), held.Select(r => r.ExamId));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AClaimWhoseHoldersCredentialLapsesIsWithdrawnWithTheReason(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider);
        var exam = world.Exams[0];
        var holder = world.Reporters[0];
        Assert.True((await world.Claims.ClaimAsync(exam.Id, holder.Id, world.As(0))).Succeeded);
        var held = new Application.Worklist.OpenExamsQuery(world.Database, world.Clock);
        Assert.Contains(await held.HeldByAsync(holder.Id), r => r.ExamId == exam.Id);
        Assert.Equal(0, await world.Claims.WithdrawLapsedClaimsAsync());

        await using (var db = world.Database.CreateDbContext())
        {
            // The credential for the exam's trust ends a minute ago.
            var credential = await db.Credentials.SingleAsync(c => c.ReporterId == holder.Id && c.TrustId == exam.TrustId);
            db.Credentials.Remove(credential);
            db.Credentials.Add(
                new Domain.Reporters.Credential(Guid.NewGuid(), holder.Id, exam.TrustId, credential.ValidFrom, world.Clock.GetUtcNow()
                .AddMinutes(-1)));
            await db.SaveChangesAsync();
        }

        Assert.DoesNotContain(await held.HeldByAsync(holder.Id), r => r.ExamId == exam.Id);
        Assert.Equal(1, await world.Claims.WithdrawLapsedClaimsAsync());

        await using var after = world.Database.CreateDbContext();
        Assert.Equal(ExamState.Ready, (await after.Exams.SingleAsync(e => e.Id == exam.Id)).State);
        var audit = await after.AuditEvents.SingleAsync(a => a.ExamId == exam.Id && a.Action == AuditAction.ClaimWithdrawn);
        Assert.Equal("system", audit.Actor);
        Assert.Contains("no longer holds a valid credential for", audit.Reason, StringComparison.Ordinal);

        // The holder is told on their worklist; a colleague is not.
        var withdrawals = new Application.Claiming.WithdrawnClaimsQuery(world.Database, world.Clock);
        var told = Assert.Single(await withdrawals.WithdrawnFromAsync(holder.Id, world.Clock.GetUtcNow().AddHours(-1)));
        Assert.Equal((exam.Id, audit.Reason), (told.ExamId, told.Reason));
        Assert.Empty(await withdrawals.WithdrawnFromAsync(world.Reporters[1].Id, world.Clock.GetUtcNow().AddHours(-1)));
        Assert.Empty(await withdrawals.WithdrawnFromAsync(holder.Id, world.Clock.GetUtcNow().AddMinutes(1)));

        // Managers see it at the trusts in their scope only.
        Assert.Single(
            await withdrawals.WithdrawnAsync(Application.Security.AccessScope.WholeNetwork, world.Clock.GetUtcNow().AddHours(-1)));
        var otherTrust = (await after.Trusts.AsNoTracking().ToListAsync()).First(t => t.Id != exam.TrustId).OdsCode.Value;
        Assert.Empty(
            await withdrawals.WithdrawnAsync(Application.Security.AccessScope.ForTrusts([otherTrust]), world.Clock.GetUtcNow()
            .AddHours(-1)));
        Assert.Contains(world.Announced, c => c.Kind == Application.Realtime.WorklistChangeKind.ExamReleased && c.ExamId == exam.Id);
        Assert.Contains(world.Engine.RankedFor(world.Reporters[1].Id), r => r.Exam.Id == exam.Id);
        Assert.Equal(0, await world.Claims.WithdrawLapsedClaimsAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnUnrenewedLeaseExpiresAndTheExamReturnsToThePool(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider);
        var exam = world.Exams[0];
        var claim = await world.Claims.ClaimAsync(exam.Id, world.Reporters[0].Id, world.As(0));

        world.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.True((await world.Claims.RenewAsync(exam.Id, claim.Value!.LeaseToken, world.As(0))).Succeeded);
        world.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(0, await world.Claims.ExpireLeasesAsync());

        world.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await world.Claims.ExpireLeasesAsync());

        await using var db = world.Database.CreateDbContext();
        Assert.Equal(ExamState.Ready, (await db.Exams.SingleAsync(e => e.Id == exam.Id)).State);
        Assert.Contains(await db.AuditEvents.ToListAsync(), a => a.Action == AuditAction.LeaseExpired && a.Actor == "system");
        Assert.Contains(world.Engine.RankedFor(world.Reporters[1].Id), r => r.Exam.Id == exam.Id);
        var takeover = await world.Claims.ClaimAsync(exam.Id, world.Reporters[1].Id, world.As(1));
        Assert.True(takeover.Succeeded, takeover.Reason);
        Assert.False((await world.Claims.RenewAsync(exam.Id, claim.Value.LeaseToken, world.As(0))).Succeeded);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ReleaseNeedsTheHoldersTokenAndAReason(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider);
        var exam = world.Exams[0];
        var claim = await world.Claims.ClaimAsync(exam.Id, world.Reporters[0].Id, world.As(0));

        Assert.Contains("Say why", (await world.Claims.ReleaseAsync(exam.Id, claim.Value!.LeaseToken, "", world.As(0))).Reason);
        Assert.Contains("do not hold", (await world.Claims.ReleaseAsync(exam.Id, Guid.NewGuid(), "not mine", world.As(1))).Reason);
        Assert.True((await world.Claims.ReleaseAsync(exam.Id, claim.Value.LeaseToken, "Needs a neuro opinion", world.As(0))).Succeeded);

        await using var db = world.Database.CreateDbContext();
        var sendback = await db.AuditEvents.SingleAsync(a => a.Action == AuditAction.Sendback);
        Assert.Equal("Needs a neuro opinion", sendback.Reason);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AHeldExamLeavesThePoolUntilResumed(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider);
        var exam = world.Exams[0];

        Assert.True((await world.Claims.HoldAsync(exam.Id, "Awaiting priors from Beta Trust", world.As(0))).Succeeded);
        Assert.DoesNotContain(world.Engine.RankedFor(world.Reporters[1].Id), r => r.Exam.Id == exam.Id);
        Assert.False((await world.Claims.ClaimAsync(exam.Id, world.Reporters[1].Id, world.As(1))).Succeeded);

        Assert.True((await world.Claims.ResumeAsync(exam.Id, world.As(0))).Succeeded);
        Assert.Contains(world.Engine.RankedFor(world.Reporters[1].Id), r => r.Exam.Id == exam.Id);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AManagerReassignsAClaimedExamToAnotherEligibleReporter(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider);
        var exam = world.Exams[0];
        await world.Claims.ClaimAsync(exam.Id, world.Reporters[0].Id, world.As(0));
        var manager = new Actor("manager");

        Assert.Contains("needs a reason", (await world.Claims.ReassignAsync(exam.Id, world.Reporters[1].Id, " ", manager)).Reason);
        Assert.True((await world.Claims.ReassignAsync(exam.Id, world.Reporters[1].Id, "Reporter 1 went home unwell", manager)).Succeeded);

        await using var db = world.Database.CreateDbContext();
        Assert.Equal(world.Reporters[1].Id, (await db.Exams.SingleAsync(e => e.Id == exam.Id)).ClaimedById);
        Assert.Contains(await db.AuditEvents.ToListAsync(), a => a.Action == AuditAction.ExamReassigned && a.Actor == "manager");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SomeoneWhoIsNotAReporterCannotClaim(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider);

        var claim = await world.Claims.ClaimAsync(world.Exams[0].Id, Guid.NewGuid(), new Actor("stranger"));

        Assert.False(claim.Succeeded);
        Assert.Contains("not set up as a reporter", claim.Reason);
        Assert.Contains("not set up as a reporter",
            (await world.Claims.ReassignAsync(world.Exams[0].Id, Guid.NewGuid(), "cover", new Actor("manager"))).Reason);
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(ExamState.Ready, (await db.Exams.SingleAsync(e => e.Id == world.Exams[0].Id)).State);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AReporterAddedAfterTheEngineLoadedIsJudgedOnTheirOwnRecords(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider);
        var newcomer =
            new Domain.Reporters.Reporter(Guid.NewGuid(), "Dr Newcomer", Domain.Reporters.ProfessionalRole.ConsultantRadiologist,
            "GMC99999",
            world.Exams[0].TrustId, [new Domain.Reporters.ReporterSkill(Domain.Reporters.Skill.Neuro, 3)]);
        await using (var db = world.Database.CreateDbContext())
        {
            var trustA = await db.Trusts.SingleAsync(t => t.Id == world.Exams[0].TrustId);
            db.Add(newcomer);
            db.Add(new Domain.Reporters.Credential(Guid.NewGuid(), newcomer.Id, trustA.Id, world.Clock.GetUtcNow().AddYears(-1), null));
            db.Add(new Domain.Rota.RotaShift(Guid.NewGuid(), newcomer.Id, Domain.Rota.ShiftKind.InHoursSession, world.Clock.GetUtcNow()
                .AddHours(-1), world.Clock.GetUtcNow().AddHours(4), Domain.Rota.CoverScope.Network, [], 240));
            await db.SaveChangesAsync();
        }

        var trustBExam = world.Exams.First(e => e.TrustId != world.Exams[0].TrustId);
        var refused = await world.Claims.ClaimAsync(trustBExam.Id, newcomer.Id, new Actor("Dr Newcomer", newcomer.Id));
        var claimed = await world.Claims.ClaimAsync(world.Exams[0].Id, newcomer.Id, new Actor("Dr Newcomer", newcomer.Id));

        Assert.Contains("no valid credential", refused.Reason);
        Assert.True(claimed.Succeeded, claimed.Reason);
    }
}
