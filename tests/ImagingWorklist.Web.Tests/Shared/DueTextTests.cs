using ImagingWorklist.Web.Components.Shared;

namespace ImagingWorklist.Web.Tests.Shared;

public class DueTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(30, "due in 30 min", DueUrgency.Soon)]
    [InlineData(60, "due in 1 h", DueUrgency.Soon)]
    [InlineData(61, "due in 1 h 1 min", DueUrgency.Comfortable)]
    [InlineData(3 * 24 * 60 + 120, "due in 3 d 2 h", DueUrgency.Comfortable)]
    [InlineData(24 * 60, "due in 1 d", DueUrgency.Comfortable)]
    [InlineData(-5, "overdue by 5 min", DueUrgency.Overdue)]
    [InlineData(-(2 * 24 * 60 + 240), "overdue by 2 d 4 h", DueUrgency.Overdue)]
    public void DueTimesReadAtAGlance(int minutesFromNow, string text, DueUrgency urgency)
    {
        Assert.Equal((text, urgency), DueText.Describe(Now.AddMinutes(minutesFromNow), Now));
    }

    [Fact]
    public void LessThanAMinuteStillShowsOneMinuteNotZero()
    {
        Assert.Equal("due in 1 min", DueText.Describe(Now.AddSeconds(10), Now).Text);
    }
}
