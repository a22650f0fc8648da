using ImagingWorklist.Application.Delivery;

namespace ImagingWorklist.Web.Interop.Delivery;

/// <summary>Where one trust takes its reports: <c>Delivery:Endpoints:&lt;ODS code&gt;</c> with Transport, Address and Format.</summary>
public sealed record DeliveryEndpoint(DeliveryTransport Transport, string Address, DeliveryFormat Format)
{
    public override string ToString() => Transport == DeliveryTransport.Mllp ? $"MLLP {Address}" : $"{Format} over HTTP {Address}";

    /// <summary>The trust's endpoint, or why there is none (said so that an administrator knows which setting to add).</summary>
    public static (DeliveryEndpoint? Endpoint, string? Problem) For(DeliverySettings settings, string odsCode)
    {
        var section = settings.Endpoints.GetValueOrDefault(odsCode) ?? new DeliveryEndpointSettings();
        var address = section.Address;
        if (string.IsNullOrWhiteSpace(address))
        {
            return (null,
                $"No delivery endpoint is configured for trust {odsCode}: set Delivery:Endpoints:{odsCode}:Address (and Transport, " +
                    $"Format). The report waits here until one is.");
        }

        if (!Enum.TryParse<DeliveryTransport>(section.Transport ?? "Mllp", ignoreCase: true, out var transport))
        {
            return (null, $"Delivery:Endpoints:{odsCode}:Transport must be Mllp or Http, not '{section.Transport}'.");
        }

        if (!Enum.TryParse<DeliveryFormat>(section.Format ?? (transport == DeliveryTransport.Mllp ? "Hl7v2" : "Fhir"), ignoreCase: true,
            out var format)
            || (transport == DeliveryTransport.Mllp && format != DeliveryFormat.Hl7v2))
        {
            return (null, $"Delivery:Endpoints:{odsCode}:Format must be Hl7v2 or Fhir (MLLP carries Hl7v2 only), not '{section.Format}'.");
        }

        if (transport == DeliveryTransport.Http && !Uri.TryCreate(address, UriKind.Absolute, out _))
        {
            return (null, $"Delivery:Endpoints:{odsCode}:Address must be an absolute http(s) URL for HTTP delivery, not '{address}'.");
        }

        if (transport == DeliveryTransport.Mllp && !TryHostPort(address, out _, out _))
        {
            return (null, $"Delivery:Endpoints:{odsCode}:Address must be host:port for MLLP delivery, not '{address}'.");
        }

        return (new DeliveryEndpoint(transport, address.Trim(), format), null);
    }

    internal static bool TryHostPort(string address, out string host, out int port)
    {
        var colon = address.LastIndexOf(':');
        host = colon > 0 ? address[..colon].Trim('[', ']') : string.Empty;
        return int.TryParse(colon > 0 ? address[(colon + 1)..] : string.Empty, out port) && port is > 0 and < 65536 && host.Length > 0;
    }
}
