using System.Globalization;

namespace ImagingWorklist.Application.Ingest;

/// <summary>
/// The answer to one inbound message, as a type: the acknowledgement code (AA, AE, AR), its text, each problem with the
/// segment and field it concerns, and the ACK message itself. HTTP and MLLP send <see cref="Ack"/>; FHIR renders the
/// rest as an OperationOutcome. A resend gets its first answer, which is kept as the ACK the sender saw.
/// </summary>
public sealed record IngestOutcome(string Code, string Text, IReadOnlyList<Hl7Error> Errors, string Ack)
{
    public bool Accepted => Code == Hl7Ack.Accept;

    /// <summary>Reads an ACK built by <see cref="Hl7Ack.Build"/> (now or when the message first arrived) back into its parts.</summary>
    public static IngestOutcome FromAck(string ack)
    {
        if (Hl7Message.Parse(ack).Value is not { } message)
        {
            return new IngestOutcome(Hl7Ack.Reject, string.Empty, [], ack);
        }

        var errors = Enumerable.Range(1, message.Count("ERR"))
            .Select(n => new Hl7Error(
                message.Value("ERR", 2, component: 1, occurrence: n),
                int.TryParse(message.Value("ERR", 2, component: 3, occurrence: n), CultureInfo.InvariantCulture, out var field) ? field : 0,
                int.TryParse(message.Value("ERR", 3, component: 1, occurrence: n), CultureInfo.InvariantCulture, out var code) ? code : 207,
                message.Value("ERR", 8, occurrence: n)))
            .ToList();
        return new IngestOutcome(message.Value("MSA", 1), message.Value("MSA", 3), errors, ack);
    }
}
