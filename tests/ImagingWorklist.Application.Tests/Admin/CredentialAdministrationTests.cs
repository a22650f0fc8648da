using ImagingWorklist.Application.Admin;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Tests.Claiming;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Tests.Admin;

public class CredentialAdministrationTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task GrantingAndEndingACredentialIsCheckedAuditedAndReachesTheEngine(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider);
        var admin = new CredentialAdministration(world.Database, world.Announce, world.Clock);
        var reporter = world.Reporters[0].Id;
        await using var db = world.Database.CreateDbContext();
        var credential = await db.Credentials.FirstAsync(c => c.ReporterId == reporter);
        var today = DateOnly.FromDateTime(world.Clock.GetUtcNow().UtcDateTime);

        var backwards = await admin.GrantAsync(reporter, credential.TrustId, today, today.AddDays(-1), new Actor("admin"));
        var overlapping = await admin.GrantAsync(reporter, credential.TrustId, today, null, new Actor("admin"));
        var noReason = await admin.EndAsync(credential.Id, " ", new Actor("admin"));
        var ended = await admin.EndAsync(credential.Id, "Left the trust", new Actor("admin", Source: "10.1.1.1"));
        var again = await admin.EndAsync(credential.Id, "Left the trust", new Actor("admin"));
        var regranted = await admin.GrantAsync(reporter, credential.TrustId, today.AddDays(1), today.AddDays(30), new Actor("admin"));

        Assert.Contains("after the start", backwards.Reason, StringComparison.Ordinal);
        Assert.Contains("overlapping", overlapping.Reason, StringComparison.Ordinal);
        Assert.Contains("reason", noReason.Reason, StringComparison.Ordinal);
        Assert.True(ended.Succeeded, ended.Reason);
        Assert.Contains("already ended", again.Reason, StringComparison.Ordinal);
        Assert.True(regranted.Succeeded, regranted.Reason);
        Assert.DoesNotContain(world.Engine.RankedFor(reporter), r => r.Exam.TrustId == credential.TrustId);
        await using var after = world.Database.CreateDbContext();
        Assert.Equal(world.Clock.GetUtcNow(), (await after.Credentials.SingleAsync(c => c.Id == credential.Id)).ValidTo);
        var audits = await after.AuditEvents.Where(a => a.Action == AuditAction.ConfigurationChanged).ToListAsync();
        Assert.Equal(2, audits.Count);
        Assert.Contains(audits, a => a.Reason == "Left the trust" && a.Source == "10.1.1.1");
        Assert.Contains(world.Announced, c => c.Kind == Application.Realtime.WorklistChangeKind.ReporterChanged
            && c.ReporterId == reporter);
    }
}
