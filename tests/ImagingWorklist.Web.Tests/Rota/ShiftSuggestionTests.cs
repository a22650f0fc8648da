using ImagingWorklist.Domain.Rota;
using ImagingWorklist.Web.Features.Rota;
using Microsoft.AspNetCore.WebUtilities;

namespace ImagingWorklist.Web.Tests.Rota;

public class ShiftSuggestionTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    [Fact]
    public void AnEveningGapBecomesAnOnCallShiftThatReadsBackFromItsAddress()
    {
        var trust = Guid.NewGuid();
        var start = new DateTimeOffset(2026, 12, 4, 18, 0, 0, TimeSpan.Zero);

        var suggestion = ShiftSuggestion.For(start, start.AddHours(6), "no MSK cover for Alpha & Co, Fri 18:00–00:00", trust);

        Assert.Equal((ShiftKind.OnCallFirst, new TimeOnly(18, 0), new TimeOnly(0, 0), 180, trust),
            (suggestion.Kind, suggestion.From, suggestion.Until, suggestion.Capacity, suggestion.TrustId!.Value));
        var query = QueryHelpers.ParseQuery(new Uri("http://x" + suggestion.Address).Query);
        string? Get(string name) => query.TryGetValue(name, out var value) ? value.ToString() : null;
        var (read, problem) =
            ShiftSuggestion.Read(Get("day"), Get("from"), Get("until"), Get("kind"), Get("trust"), Get("reporter"), Get("capacity"),
            Get("why"), Today);
        Assert.Null(problem);
        Assert.Equal(suggestion, read);
    }

    [Fact]
    public void AWeekdayGapInOfficeHoursIsASessionInUkTimeAndAWeekLongGapIsCutToTwelveHours()
    {
        // 1 July 2026 08:00 UTC is 09:00 BST.
        var start = new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero);

        var session = ShiftSuggestion.For(start, start.AddHours(4), "why");
        var week = ShiftSuggestion.For(start, start.AddDays(7), "why");

        Assert.Equal((ShiftKind.InHoursSession, new TimeOnly(9, 0), new TimeOnly(13, 0)), (session.Kind, session.From, session.Until));
        Assert.Equal(new TimeOnly(21, 0), week.Until);
    }

    [Theory]
    [InlineData("2026-13-01", "18:00", "22:00", null, null, null, "a day (05/12/2026)")]
    [InlineData("05/12/2026", "6pm", "22:00", null, null, null, "from and until times")]
    [InlineData("05/12/2026", "18:00", "22:00", "Nightshift", null, null, "a kind of shift (In-hours session, On-call 1st")]
    [InlineData("05/12/2026", "18:00", "22:00", null, "RTA", null, "a trust as the rota's own links name it")]
    [InlineData("05/12/2026", "18:00", "22:00", null, null, "-5", "a capacity in whole reading minutes")]
    public void AnAddressThatCannotBeReadSaysWhatItNeeds(string day, string from, string until, string? kind, string? trust,
        string? capacity, string expected)
    {
        var (read, problem) = ShiftSuggestion.Read(day, from, until, kind, trust, null, capacity, "why", Today);

        Assert.Null(read);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ALongReasonIsCutNotRefused()
    {
        var (read, _) = ShiftSuggestion.Read("05/12/2026", "18:00", "22:00", null, null, null, null, new string('x', 500), Today);

        Assert.Equal(ShiftSuggestion.MaxWhy, read!.Why.Length);
    }
}
