using System.Globalization;

namespace ImagingWorklist.Application.Ingest;

/// <summary>
/// The answer to one inbound message: the ACK message itself, and read from it on demand the acknowledgement code (AA,
/// AE, AR), its text and each problem with the segment and field it concerns. HTTP and MLLP send <see cref="Ack"/>;
/// FHIR renders the parts as an OperationOutcome. A resend gets its first answer, kept as the ACK the sender saw, so
/// the ACK is the one record of an answer and its parts are read from it in one place.
/// </summary>
public sealed class IngestOutcome(string ack)
{
    private readonly Lazy<(string Code, string Text, IReadOnlyList<Hl7Error> Errors)> _parts = new(() => Read(ack));

    public string Ack => ack;

    public string Code => _parts.Value.Code;

    public string Text => _parts.Value.Text;

    public IReadOnlyList<Hl7Error> Errors => _parts.Value.Errors;

    public bool Accepted => Code == Hl7Ack.Accept;

    /// <summary>
    /// The message could not be processed at all just now (the database unreachable, the instance stopping): answered AE
    /// so the sender knows, and to be sent again (HTTP says 503 with Retry-After). A resend is recognised by MSH-10.
    /// </summary>
    public bool Unprocessed { get; private init; }

    /// <summary>Reads an ACK built by <see cref="Hl7Ack.Build"/> (now or when the message first arrived).</summary>
    public static IngestOutcome FromAck(string ack) => new(ack);

    public static IngestOutcome NotProcessed(string ack) => new(ack) { Unprocessed = true };

    private static (string Code, string Text, IReadOnlyList<Hl7Error> Errors) Read(string ack)
    {
        if (Hl7Message.Parse(ack).Value is not { } message)
        {
            return (Hl7Ack.Reject, string.Empty, []);
        }

        var errors = Enumerable.Range(1, message.Count("ERR"))
            .Select(n => new Hl7Error(
                message.Value("ERR", 2, component: 1, occurrence: n),
                int.TryParse(message.Value("ERR", 2, component: 3, occurrence: n), CultureInfo.InvariantCulture, out var field) ? field : 0,
                int.TryParse(message.Value("ERR", 3, component: 1, occurrence: n), CultureInfo.InvariantCulture, out var code) ? code : 207,
                message.Value("ERR", 8, occurrence: n)))
            .ToList();
        return (message.Value("MSA", 1), message.Value("MSA", 3), errors);
    }
}
