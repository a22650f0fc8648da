using ImagingWorklist.Testing;

namespace ImagingWorklist.Web.IntegrationTests.Hosting;

/// <summary>Typed settings are checked when the app starts: a wrong value stops it, and the message names the setting.</summary>
public class SettingsValidationTests
{
    [Theory]
    [InlineData("Claims:Lease", "-00:05:00", "Claims:Lease must be a positive duration")]
    [InlineData("Claims:ExpiryCheckInterval", "00:00:00", "Claims:ExpiryCheckInterval must be a positive duration")]
    [InlineData("CriticalFindings:CriticalWithin", "-01:00:00", "CriticalFindings:CriticalWithin must be a positive duration")]
    [InlineData("Delivery:MaxRetry", "00:00:01", "Delivery:MaxRetry must not be shorter than Delivery:InitialRetry")]
    [InlineData("Hl7:MllpAllowedPeers", "10.0.0.0/8 not-a-network", "Hl7:MllpAllowedPeers: 'not-a-network'")]
    [InlineData("Hl7:MllpAddress", "localhost-ish", "Hl7:MllpAddress must be an IP address")]
    [InlineData("Security:IdleTimeoutMinutes", "0", "Security:IdleTimeoutMinutes must be between 1 and 1440")]
    [InlineData("RateLimits:TokenPerMinute", "0", "RateLimits:TokenPerMinute must be at least 1")]
    [InlineData("CriticalFindings:Categories", "Critical, Amber", "CriticalFindings:Categories: 'Amber' is not a category")]
    [InlineData("FollowUps:Grace", "-1.00:00:00", "FollowUps:Grace must be a positive duration")]
    [InlineData("Telemetry:MetricsAllowedNetworks", "10.0.0.0/8, the office",
        "Telemetry:MetricsAllowedNetworks: 'the office' is not a network")]
    [InlineData("Telemetry:OtlpEndpoint", "collector", "Telemetry:OtlpEndpoint must be an absolute address")]
    [InlineData("Security:PublicBaseUrl", "worklist.example.nhs.uk", "Security:PublicBaseUrl must be an absolute http or https address")]
    [InlineData("Security:PublicBaseUrl", "https://worklist.example.nhs.uk/?tenant=1",
        "Security:PublicBaseUrl must be an absolute http or https address")]
    public void AnInvalidSettingStopsStartUpNamingIt(string setting, string value, string expected)
    {
        using var app = new WorklistAppFactory(settings: new Dictionary<string, string?> { [setting] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains(expected, Flatten(error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Claims:Lease", "twenty minutes")]
    [InlineData("Hl7:MllpPort", "MLLP")]
    public void AValueOfTheWrongKindStopsStartUpNamingTheSetting(string setting, string value)
    {
        using var app = new WorklistAppFactory(settings: new Dictionary<string, string?> { [setting] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains($"'{setting}'", Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate
            ? string.Join(" | ", aggregate.InnerExceptions.Select(Flatten))
            : error.Message + (error.InnerException is { } inner ? " | " + Flatten(inner) : string.Empty);
}
