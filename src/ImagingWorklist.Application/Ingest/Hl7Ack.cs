using System.Globalization;

namespace ImagingWorklist.Application.Ingest;

/// <summary>Builds the general acknowledgement (ACK) for a message: MSA-1 AA, AE or AR, and an ERR segment for each problem.</summary>
public static class Hl7Ack
{
    public const string Accept = "AA";
    public const string Error = "AE";
    public const string Reject = "AR";

    public static string Build(Hl7Message? message, string code, string text, IReadOnlyList<Hl7Error> errors, DateTimeOffset now,
        string ackControlId)
    {
        // Answer in the sender's own delimiters and version where they could be read.
        var f = message?.FieldSeparator ?? '|';
        var c = message?.ComponentSeparator ?? '^';
        var r = message?.RepetitionSeparator ?? '~';
        var e = message?.EscapeCharacter ?? '\\';
        var s = message?.SubComponentSeparator ?? '&';
        string Esc(string value) => (message ?? Hl7Message.Standard).Escape(value);
        var trigger = message?.Value("MSH", 9, component: 2) ?? string.Empty;
        var version = message?.Version is { Length: > 0 } v ? v : "2.5.1";
        var lines = new List<string>
        {
            string.Join(f, "MSH", $"{c}{r}{e}{s}", "ImagingWorklist", "ImagingWorklist", Esc(message?.SendingApplication ?? string.Empty),
                Esc(message?.SendingFacility ?? string.Empty),
                now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+0000", string.Empty, $"ACK{c}{trigger}{c}ACK",
                    ackControlId, "P", version),
            string.Join(f, "MSA", code, Esc(message?.ControlId ?? string.Empty), Esc(text)),
        };
        foreach (var error in errors)
        {
            // ERR-1 (v2.3/2.4 location and code) and ERR-2/3/4/8 (v2.5 onwards), so either kind of receiver can read it.
            lines.Add(string.Join(f,
                "ERR",
                $"{error.Segment}{c}{error.Sequence}{c}{error.Field}{c}{error.Code}{s}{Esc(Hl7Error.CodeName(error.Code))}",
                $"{error.Segment}{c}{error.Sequence}{c}{error.Field}",
                $"{error.Code}{c}{Esc(Hl7Error.CodeName(error.Code))}{c}HL70357",
                "E",
                string.Empty,
                string.Empty,
                string.Empty,
                Esc(error.Message)));
        }

        return string.Join('\r', lines) + "\r";
    }
}
