using System.Net;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Web.IntegrationTests.Hardening;

public sealed class AuditExportTests(HostileApps apps) : IClassFixture<HostileApps>
{
    /// <summary>
    /// The filter's days are UK days: 23:30 UTC on 1 July is 00:30 BST on 2 July, so it belongs to the 2nd, as the
    /// administrator who typed the date means it (and to the 1st in winter, when UK time is UTC).
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnAuditExportsDaysAreUkDaysInSummerAndWinter(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        var marker = $"uk-day-{Guid.NewGuid():N}";
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContextAsync())
        {
            AuditLog.Audit(db, new Actor(marker, null), AuditAction.ConfigurationChanged,
                new DateTimeOffset(2026, 7, 1, 23, 30, 0, TimeSpan.Zero), "summer");
            AuditLog.Audit(db, new Actor(marker, null), AuditAction.ConfigurationChanged,
                new DateTimeOffset(2026, 1, 14, 23, 30, 0, TimeSpan.Zero), "winter");
            await db.SaveChangesAsync();
        }

        var admin = await SignIn.AsAsync(app, "admin");
        async Task<string> Export(string from, string to) =>
            await (await admin.GetAsync($"/api/audit/export.csv?from={from}&to={to}&actor={marker}")).Content.ReadAsStringAsync();

        Assert.Contains("summer", await Export("2026-07-02", "2026-07-03"), StringComparison.Ordinal);
        Assert.DoesNotContain("summer", await Export("2026-07-01", "2026-07-02"), StringComparison.Ordinal);
        Assert.Contains("winter", await Export("2026-01-14", "2026-01-15"), StringComparison.Ordinal);
        Assert.DoesNotContain("winter", await Export("2026-01-15", "2026-01-16"), StringComparison.Ordinal);

        // Actions are written, and may be asked for, in the trail's own words.
        var summer = await Export("2026-07-02", "2026-07-03&action=Settings%20changed");
        Assert.Contains(",Settings changed,", summer, StringComparison.Ordinal);
        Assert.DoesNotContain("ConfigurationChanged", summer, StringComparison.Ordinal);
        var unknown = await admin.GetAsync("/api/audit/export.csv?action=Nonsense");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Use one of: Order received;", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var refused = await admin.GetAsync("/api/audit/export.csv?from=02/07/2026");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("each is a UK day", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
