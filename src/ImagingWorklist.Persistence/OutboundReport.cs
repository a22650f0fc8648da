using ImagingWorklist.Domain.Interop;

namespace ImagingWorklist.Persistence;

/// <summary>
/// A signed report (preliminary, final, verified or addendum) on its way back to the trust that ordered the exam. The
/// row is written in the same transaction as the signature, holding a snapshot of what was signed, so a restart or a
/// crash loses nothing; a worker delivers it with retry and backoff until the trust's system accepts it.
/// </summary>
public sealed class OutboundReport
{
    public const int KindMaxLength = 20;
    public const int ErrorMaxLength = 2000;
    public const int EndpointMaxLength = 300;

    public Guid Id { get; set; }

    public Guid ReportId { get; set; }

    public Guid ExamId { get; set; }

    public Guid TrustId { get; set; }

    /// <summary>What was signed: Preliminary, Final, Verified or Addendum.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>The report and its exam as signed (JSON), rendered as HL7 v2 or FHIR when it is sent.</summary>
    public string Document { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>Why the last attempt failed, in words an administrator can act on.</summary>
    public string? LastError { get; set; }

    /// <summary>Where it went (or was last tried): "MLLP host:port" or the URL.</summary>
    public string? Endpoint { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>What the receiver answered (the HL7 ACK, or the HTTP status line).</summary>
    public string? Response { get; set; }

    /// <summary>An instance that is sending it holds it until then, so two instances never send the same row at once.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    public int Version { get; set; }
}
