using ImagingWorklist.Application.Demo;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImagingWorklist.Application.Tests.Demo;

public class DemoNetworkSeederTests
{
    private static readonly DemoNetworkOptions Small = new() { OpenExams = 300, HistoryDays = 2, ReportedPerDay = 50 };

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnEmptyDatabaseIsSeededOnceAndOnlyOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seeder = new DemoNetworkSeeder(database, TestClock.Create(), NullLogger<DemoNetworkSeeder>.Instance);

        Assert.True(await seeder.SeedIfEmptyAsync(Small));
        Assert.False(await seeder.SeedIfEmptyAsync(Small));

        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.Networks.CountAsync());
        Assert.Equal(6, await db.Trusts.CountAsync());
        Assert.Equal(300, await db.Exams.CountAsync(e => e.ReadyAt != null && e.ReportedAt == null));
        Assert.True(await db.Reports.AnyAsync());
        Assert.True(await db.Credentials.AnyAsync());
        Assert.True(await db.RotaShifts.AnyAsync());
    }
}
