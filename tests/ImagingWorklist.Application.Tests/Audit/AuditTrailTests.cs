using ImagingWorklist.Application.Admin;
using ImagingWorklist.Application.Audit;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Tests.Claiming;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Tests.Audit;

public class AuditTrailTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnAuditRowCannotBeChangedOrDeletedThroughTheApplication(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var trail = new AuditTrail(database, TestClock.Create());
        await trail.RecordAsync(AuditAction.SignedIn, "radiologist", "Signed in", "127.0.0.1");

        await using var db = database.CreateDbContext();
        var row = await db.AuditEvents.SingleAsync();
        db.Entry(row).Property(a => a.Actor).CurrentValue = "someone else";
        var edit = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditEvents.Remove(row);
        var delete = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Equal(AuditAppendOnly.Refusal, edit.Message);
        Assert.Equal(AuditAppendOnly.Refusal, delete.Message);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheDatabaseItselfRefusesToChangeOrDeleteAuditRows(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await new AuditTrail(database, TestClock.Create()).RecordAsync(AuditAction.SignedIn, "radiologist", "Signed in");
        await using var db = database.CreateDbContext();

        // Bulk statements skip the change tracker; the triggers stop them.
        var update = await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEvents.ExecuteUpdateAsync(s => s.SetProperty(a => a.Detail, "rewritten")));
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEvents.ExecuteDeleteAsync());

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.Equal("Signed in", (await db.AuditEvents.AsNoTracking().SingleAsync()).Detail);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheViewerFiltersByTimeActionAndActorNewestFirst(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = TestClock.Create();
        var trail = new AuditTrail(database, clock);
        await trail.RecordAsync(AuditAction.SignedIn, "alice", "Signed in");
        clock.Advance(TimeSpan.FromHours(1));
        await trail.RecordAsync(AuditAction.SignInFailed, "bob", "Wrong password");
        clock.Advance(TimeSpan.FromHours(1));
        await trail.RecordAsync(AuditAction.SignedIn, "bob", "Signed in");
        clock.Advance(TimeSpan.FromDays(2));
        await trail.RecordAsync(AuditAction.SignedIn, "alice", "Signed in again");
        var query = new AuditQuery(database);
        var start = TestClock.Now;

        var all = await query.PageAsync(new AuditFilter(), 0, 10);
        var bob = await query.PageAsync(new AuditFilter(Actor: "bob"), 0, 10);
        var failures = await query.PageAsync(new AuditFilter(Action: AuditAction.SignInFailed), 0, 10);
        var firstDay = await query.PageAsync(new AuditFilter(From: start, To: start.AddDays(1)), 0, 10);
        var secondPage = await query.PageAsync(new AuditFilter(), 2, 2);

        Assert.Equal(4, all.TotalCount);
        Assert.Equal(["Signed in again", "Signed in", "Wrong password", "Signed in"], all.Rows.Select(r => r.Detail));
        Assert.Equal(2, bob.TotalCount);
        Assert.Equal("Wrong password", Assert.Single(failures.Rows).Detail);
        Assert.Equal(3, firstDay.TotalCount);
        Assert.Equal(["Wrong password", "Signed in"], secondPage.Rows.Select(r => r.Detail));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheCsvExportQuotesWhatNeedsQuotingAndDefusesFormulas(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = TestClock.Create();
        var trail = new AuditTrail(database, clock);
        await trail.RecordAsync(AuditAction.ConfigurationChanged, "admin", "Renamed \"North\", then =HYPERLINK(\"x\")", "10.0.0.1");
        clock.Advance(TimeSpan.FromMinutes(1));
        await trail.RecordAsync(AuditAction.SignedIn, "=cmd|' /C calc'!A0", "Signed in");
        using var output = new MemoryStream();

        await new AuditQuery(database).WriteCsvAsync(new AuditFilter(), output);

        var lines = System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("at_utc,action,actor,detail,reason,source,exam_id,accession,trust_ods", lines[0]);
        Assert.Equal("2026-11-25T10:00:00Z,ConfigurationChanged,admin,\"Renamed \"\"North\"\", then =HYPERLINK(\"\"x\"\")\",,10.0.0.1,,,", lines[1].TrimEnd('\r'));
        Assert.StartsWith("2026-11-25T10:01:00Z,SignedIn,'=cmd|' /C calc'!A0,Signed in", lines[2], StringComparison.Ordinal);
    }

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
        Assert.Contains(world.Announced, c => c.Kind == Realtime.WorklistChangeKind.ReporterChanged && c.ReporterId == reporter);
    }
}
