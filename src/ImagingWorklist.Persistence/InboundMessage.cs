using ImagingWorklist.Domain.Interop;

namespace ImagingWorklist.Persistence;

/// <summary>
/// One message from a RIS or PACS, kept raw as it arrived, stored before it is acknowledged. The pair (sending
/// facility, control id) is unique: a resend gets the original acknowledgement and changes nothing.
/// </summary>
public sealed class InboundMessage
{
    public const int FacilityMaxLength = 64;
    public const int ControlIdMaxLength = 64;
    public const int TypeMaxLength = 20;
    public const int ChannelMaxLength = 10;
    public const int SourceMaxLength = 200;
    public const int KeyMaxLength = 64;
    public const int ErrorMaxLength = 2000;

    public Guid Id { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>MLLP or HTTP.</summary>
    public string Channel { get; set; } = string.Empty;

    /// <summary>The peer address, or the integration client that sent it over HTTP.</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>MSH-4, as sent; null when the header could not be read.</summary>
    public string? SendingFacility { get; set; }

    /// <summary>MSH-10; null when the header could not be read.</summary>
    public string? ControlId { get; set; }

    public string MessageType { get; set; } = string.Empty;

    /// <summary>What the message is about within its trust (the accession), to find held messages when their order arrives.</summary>
    public string? Key { get; set; }

    public Guid? TrustId { get; set; }

    public string Raw { get; set; } = string.Empty;

    /// <summary>For a FHIR resource, the JSON as received; <see cref="Raw"/> is then its HL7 v2 translation, which is what was
    /// processed.</summary>
    public string? Original { get; set; }

    public InboundStatus Status { get; set; }

    /// <summary>AA, AE or AR once answered.</summary>
    public string? AckCode { get; set; }

    /// <summary>The acknowledgement exactly as sent, to send again for a duplicate.</summary>
    public string? Ack { get; set; }

    public string? Error { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    public Guid? ExamId { get; set; }
}
