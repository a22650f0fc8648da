using ImagingWorklist.Application.Common;

namespace ImagingWorklist.Application.Delivery;

/// <summary>The <c>Delivery</c> settings: retry pacing of the report outbox and each trust's endpoint.</summary>
public sealed record DeliverySettings
{
    public const string Section = "Delivery";

    /// <summary>The wait after the first failure; it doubles with each further failure up to <see cref="MaxRetry"/>.</summary>
    public TimeSpan InitialRetry { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetry { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>How often the delivery worker looks for reports due to be sent.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one instance holds a row while sending it.</summary>
    public TimeSpan Lock { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Trust ODS code → where it takes its reports. Each is checked when a report is sent, so one trust's mistake holds
    /// only its own reports (with the reason on Admin → Report delivery) and never stops the app.
    /// </summary>
    public Dictionary<string, DeliveryEndpointSettings> Endpoints { get; } = new(StringComparer.OrdinalIgnoreCase);

    public TimeSpan BackoffAfter(int attempts) =>
        TimeSpan.FromTicks(Math.Min(MaxRetry.Ticks, InitialRetry.Ticks * (1L << Math.Clamp(attempts - 1, 0, 20))));

    public IEnumerable<string> Problems() =>
        Settings.Positive(InitialRetry, "Delivery:InitialRetry")
            .Concat(Settings.Positive(MaxRetry, "Delivery:MaxRetry"))
            .Concat(Settings.Positive(PollInterval, "Delivery:PollInterval"))
            .Concat(MaxRetry < InitialRetry ? ["Delivery:MaxRetry must not be shorter than Delivery:InitialRetry."] : []);
}
