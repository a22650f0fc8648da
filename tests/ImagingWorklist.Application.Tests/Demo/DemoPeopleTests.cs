using ImagingWorklist.Application.Demo;
using ImagingWorklist.Domain.Rota;

namespace ImagingWorklist.Application.Tests.Demo;

public class DemoPeopleTests
{
    /// <summary>
    /// Whenever the demo is started, its two radiologists have work now and keep it for hours: just before the 08:00 and
    /// 18:00 changes of shift, at midday, at night, on a weekday and at a weekend (the demo network's rota, as seeded).
    /// </summary>
    [Theory]
    [InlineData("2026-11-25T00:30:00Z")]
    [InlineData("2026-11-25T07:45:00Z")]
    [InlineData("2026-11-25T07:59:00Z")]
    [InlineData("2026-11-25T12:00:00Z")]
    [InlineData("2026-11-25T17:45:00Z")]
    [InlineData("2026-11-25T19:50:00Z")]
    [InlineData("2026-11-28T07:45:00Z")]
    [InlineData("2026-11-28T16:00:00Z")]
    public void TheDemoRadiologistsAreOnDutyNowAndForHoursAfter(string at)
    {
        var now = Time(at);
        var network = new DemoNetworkGenerator(new DemoNetworkOptions()).Generate(now);

        var picked = DemoPeople.Pick(network.Reporters, network.Shifts, network.Credentials, now);

        foreach (var account in new[] { "radiologist", "radiologist2" })
        {
            var end = DemoPeople.DutyEnds(network.Shifts.Where(s => s.ReporterId == picked[account].Id), now);
            Assert.True(end >= now.AddHours(2), $"{account} ({picked[account].DisplayName}) is on duty until {end:u}, from {now:u}");
        }

        Assert.NotEqual(picked["radiologist"].Id, picked["radiologist2"].Id);
    }

    [Fact]
    public void DutyRunsOnThroughAShiftThatBeginsAsTheLastEnds()
    {
        var reporter = Guid.NewGuid();
        var night = Shift(reporter, "2026-11-24T18:00:00Z", "2026-11-25T08:00:00Z");
        var day = Shift(reporter, "2026-11-25T08:00:00Z", "2026-11-25T18:00:00Z");
        var later = Shift(reporter, "2026-11-25T19:00:00Z", "2026-11-26T08:00:00Z");

        Assert.Equal(day.End, DemoPeople.DutyEnds([night, day, later], night.End.AddMinutes(-15)));
        Assert.Equal(night.End, DemoPeople.DutyEnds([night, later], night.End.AddMinutes(-15)));
        Assert.Null(DemoPeople.DutyEnds([night, day, later], day.End.AddMinutes(30)));
    }

    private static RotaShift Shift(Guid reporter, string start, string end) =>
        new(Guid.NewGuid(), reporter, ShiftKind.InHoursSession, Time(start), Time(end), CoverScope.Network, [], 60);

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
