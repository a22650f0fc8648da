using ImagingWorklist.Domain.Common;

namespace ImagingWorklist.Domain.Tests.Calendar;

/// <summary>Dates and times as UK coordinators type them: day first, always; a file's ISO date too.</summary>
public class UkDatesTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    [Theory]
    [InlineData("05/12/2026", 2026, 12, 5)]
    [InlineData("5/12/2026", 2026, 12, 5)]
    [InlineData("5/12/26", 2026, 12, 5)]
    [InlineData(" 2026-12-05 ", 2026, 12, 5)]
    [InlineData("5 Dec 2026", 2026, 12, 5)]
    [InlineData("5 December 2026", 2026, 12, 5)]
    [InlineData("12/05/2026", 2026, 5, 12)]
    [InlineData("5 Dec", 2026, 12, 5)]
    [InlineData("2 Dec", 2027, 12, 2)]
    [InlineData("3 Dec", 2026, 12, 3)]
    [InlineData("29 Feb", 2028, 2, 29)]
    [InlineData("4/12", 2026, 12, 4)]
    public void ADateIsReadDayFirst(string written, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), UkCalendar.ParseDate(written, Today));

    [Theory]
    [InlineData("12/25/2026")]
    [InlineData("31/11/2026")]
    [InlineData("tomorrow")]
    [InlineData("")]
    [InlineData(null)]
    public void WhatIsNotADateIsRefusedNotGuessed(string? written) => Assert.Null(UkCalendar.ParseDate(written, Today));

    [Fact]
    public void AWrittenDateReadsBackAsItself() => Assert.Equal(Today, UkCalendar.ParseDate(UkCalendar.WriteDate(Today), Today));

    [Theory]
    [InlineData("18:00", 18, 0)]
    [InlineData("8:30", 8, 30)]
    [InlineData("18.15", 18, 15)]
    [InlineData("0800", 8, 0)]
    public void ATimeIsReadOnTheTwentyFourHourClock(string written, int hour, int minute) =>
        Assert.Equal(new TimeOnly(hour, minute), UkCalendar.ParseTime(written));

    [Theory]
    [InlineData("25:00")]
    [InlineData("6pm")]
    [InlineData("")]
    public void WhatIsNotATimeIsRefused(string written) => Assert.Null(UkCalendar.ParseTime(written));
}
