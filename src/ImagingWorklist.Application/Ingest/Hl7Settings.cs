using System.Net;
using ImagingWorklist.Application.Common;

namespace ImagingWorklist.Application.Ingest;

/// <summary>
/// The <c>Hl7</c> settings: which trust each sending facility (MSH-4) is, and where MLLP listens. Unzoned times in
/// messages are UK local (<see cref="Domain.Common.UkCalendar"/>).
/// </summary>
public sealed class Hl7Settings
{
    public const string Section = "Hl7";

    /// <summary>MSH-4 value → trust ODS code; a facility not listed is taken to be an ODS code itself.</summary>
    public Dictionary<string, string> Facilities { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>-1 turns MLLP off; 0 takes any free port.</summary>
    public int MllpPort { get; init; } = 2575;

    public string MllpAddress { get; init; } = "127.0.0.1";

    /// <summary>Addresses or networks (<c>10.1.0.0/16</c>), comma- or space-separated; empty allows any peer.</summary>
    public string? MllpAllowedPeers { get; init; }

    /// <summary>A PKCS#12 file: with it MLLP speaks only TLS.</summary>
    public CertificateSettings MllpCertificate { get; init; } = new();

    public IReadOnlyList<IPNetwork> AllowedPeers() => [.. PeerTexts().Select(IPNetwork.Parse)];

    public IEnumerable<string> Problems()
    {
        if (MllpPort is < -1 or > 65535)
        {
            yield return $"Hl7:MllpPort must be a TCP port (0 for any free one, -1 for none), not {MllpPort}.";
        }

        if (!IPAddress.TryParse(MllpAddress, out _))
        {
            yield return $"Hl7:MllpAddress must be an IP address to listen on, not '{MllpAddress}'.";
        }

        foreach (var peer in PeerTexts())
        {
            if (!IPNetwork.TryParse(peer, out _))
            {
                yield return $"Hl7:MllpAllowedPeers: '{peer}' is not an address or network (such as 10.1.0.0/16).";
            }
        }

        foreach (var (facility, ods) in Facilities)
        {
            if (string.IsNullOrWhiteSpace(ods))
            {
                yield return $"Hl7:Facilities:{facility} must name a trust's ODS code.";
            }
        }
    }

    private string[] PeerTexts() => (MllpAllowedPeers ?? string.Empty).Split([',', ' '], StringSplitOptions.RemoveEmptyEntries);
}
