using ImagingWorklist.Application.Demo;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ImagingWorklist.Application.Tests.Demo;

public class DemoPeopleTests
{
    private static readonly DemoNetworkOptions Small = new() { OpenExams = 200, HistoryDays = 1, ReportedPerDay = 20 };

    /// <summary>
    /// Whenever the demo is started, its two radiologists are on duty and stay on duty through the next shift change: a
    /// demo started at 07:45 must not lose both at 08:00 when the night shift hands over (a benchmark started then did).
    /// </summary>
    [Theory]
    [InlineData(7, 45)]
    [InlineData(19, 50)]
    [InlineData(12, 0)]
    [InlineData(0, 30)]
    public async Task TheDemoRadiologistsStayOnDutyThroughTheNextShiftChange(int hour, int minute)
    {
        var now = new DateTimeOffset(2026, 11, 25, hour, minute, 0, TimeSpan.Zero);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new FakeTimeProvider(now);
        await new DemoNetworkSeeder(database, clock, NullLogger<DemoNetworkSeeder>.Instance).SeedIfEmptyAsync(Small);

        var picked = await new DemoPeople(database, clock).PickAsync();

        await using var db = database.CreateDbContext();
        var later = now.AddMinutes(45);
        foreach (var account in new[] { "radiologist", "radiologist2" })
        {
            var id = picked[account].Id;
            Assert.True(await db.RotaShifts.AnyAsync(s => s.ReporterId == id && s.Start <= now && s.End > now), $"{account} is on duty at {now:HH:mm}");
            Assert.True(await db.RotaShifts.AnyAsync(s => s.ReporterId == id && s.Start <= later && s.End > later), $"{account} is still on duty at {later:HH:mm}");
        }
    }
}
