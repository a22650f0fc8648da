using Microsoft.Extensions.Time.Testing;

namespace ImagingWorklist.TestSupport;

public static class TestClock
{
    /// <summary>A Wednesday mid-morning, UTC: in hours, with a night of out-of-hours cover either side.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new(Now);
}
