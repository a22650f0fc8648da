using ImagingWorklist.Application.Audit;
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
        var update =
            await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEvents.ExecuteUpdateAsync(s => s.SetProperty(a => a.Detail, "rewritten")));
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
        Assert.Equal("2026-11-25T10:00:00Z,Settings changed,admin,\"Renamed \"\"North\"\", then =HYPERLINK(\"\"x\"\")\",,10.0.0.1,,,",
            lines[1].TrimEnd('\r'));
        Assert.StartsWith("2026-11-25T10:01:00Z,Signed in,'=cmd|' /C calc'!A0,Signed in", lines[2], StringComparison.Ordinal);
    }
}
