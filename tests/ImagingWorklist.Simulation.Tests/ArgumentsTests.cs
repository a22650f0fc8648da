using ImagingWorklist.Simulator;

namespace ImagingWorklist.Simulation.Tests;

public sealed class ArgumentsTests
{
    [Fact]
    public void OptionsAreReadAndABadValueIsRefusedWithTheOptionsName()
    {
        var options = Arguments.Parse(["--days", "3", "--out", "report"]);

        Assert.Equal(3, options.Int("days", 7));
        Assert.Equal(30, options.Int("replications", 30));
        Assert.Equal("report", options.Text("out", "sim-report"));
        Assert.Contains("--per-day must be a whole number from 10 to 200000; 'lots' is not.", Assert.Throws<ArgumentException>(() => Arguments.Parse(["--per-day", "lots"]).Int("per-day", 2400, 10, 200_000)).Message, StringComparison.Ordinal);
        Assert.Contains("--password is required", Assert.Throws<ArgumentException>(() => Arguments.Parse(["--password"]).Required("password")).Message, StringComparison.Ordinal);
        Assert.Contains("Unexpected argument 'stray'", Assert.Throws<ArgumentException>(() => Arguments.Parse(["stray"])).Message, StringComparison.Ordinal);
    }
}
