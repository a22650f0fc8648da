using System.Net;

namespace ImagingWorklist.Web.Infrastructure;

/// <summary>The <c>Telemetry</c> section: the Prometheus scrape endpoint and who may read it, and an OTLP collector.</summary>
public sealed record TelemetrySettings
{
    /// <summary>Serve <c>/metrics</c> in the Prometheus text format.</summary>
    public bool Prometheus { get; init; } = true;

    /// <summary>The networks a scraper may call from (CIDR, comma-separated); the endpoint holds no patient data.</summary>
    public string MetricsAllowedNetworks { get; init; } = "127.0.0.0/8, ::1/128";

    /// <summary>An OTLP collector (http://collector:4317) for traces and metrics; none by default.</summary>
    public string? OtlpEndpoint { get; init; }

    public IReadOnlyList<IPNetwork> AllowedNetworks =>
        [.. Networks(MetricsAllowedNetworks).Where(n => n.Network is not null).Select(n => n.Network!.Value)];

    public static IEnumerable<(string Written, IPNetwork? Network)> Networks(string? text) =>
        (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => (w, IPNetwork.TryParse(w, out var network) ? network : (IPNetwork?)null));

    public IEnumerable<string> Problems()
    {
        foreach (var (written, _) in Networks(MetricsAllowedNetworks).Where(n => n.Network is null))
        {
            yield return $"Telemetry:MetricsAllowedNetworks: '{written}' is not a network in CIDR form " +
                "(for example 10.0.0.0/8 or ::1/128).";
        }

        if (OtlpEndpoint is { Length: > 0 } otlp && !Uri.TryCreate(otlp, UriKind.Absolute, out _))
        {
            yield return $"Telemetry:OtlpEndpoint must be an absolute address such as http://collector:4317, not '{otlp}'.";
        }
    }
}
