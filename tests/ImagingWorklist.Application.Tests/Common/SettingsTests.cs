using ImagingWorklist.Application.Claiming;
using ImagingWorklist.Application.Delivery;
using ImagingWorklist.Application.Ingest;

namespace ImagingWorklist.Application.Tests.Common;

/// <summary>Each feature's settings hold their defaults once and say, by name, what is wrong with a value.</summary>
public class SettingsTests
{
    [Fact]
    public void TheDefaultsAreValid()
    {
        Assert.Empty(new ClaimSettings().Problems());
        Assert.Empty(new DeliverySettings().Problems());
        Assert.Empty(new Hl7Settings().Problems());
    }

    [Fact]
    public void EachProblemNamesItsSetting()
    {
        Assert.Equal(["Claims:Lease must be a positive duration (hh:mm:ss), not 00:00:00."],
            new ClaimSettings { Lease = TimeSpan.Zero }.Problems());
        Assert.Contains(new DeliverySettings { InitialRetry = TimeSpan.FromHours(1) }.Problems(),
            p => p.StartsWith("Delivery:MaxRetry", StringComparison.Ordinal));
        Assert.Contains(new Hl7Settings { MllpPort = 70000 }.Problems(), p => p.StartsWith("Hl7:MllpPort", StringComparison.Ordinal));
        Assert.Contains(new Hl7Settings { MllpAllowedPeers = "10.0.0.0/8, nowhere" }.Problems(),
            p => p.Contains("'nowhere'", StringComparison.Ordinal));
    }
}
