using System.Globalization;
using System.Text;

namespace ImagingWorklist.Application.Ingest;

/// <summary>
/// An HL7 v2 message, read leniently as hospitals send it: delimiters from MSH-1 and MSH-2, segments ended by CR, LF
/// or CRLF, repetitions, components and sub-components, escape sequences decoded on reading, Z-segments kept. Field
/// numbers are HL7's (MSH-9 is the message type; MSH-1 is the field separator itself).
/// </summary>
public sealed class Hl7Message
{
    private readonly List<string[]> _segments;

    private Hl7Message(List<string[]> segments, char field, char component, char repetition, char escape, char subComponent)
    {
        _segments = segments;
        FieldSeparator = field;
        ComponentSeparator = component;
        RepetitionSeparator = repetition;
        EscapeCharacter = escape;
        SubComponentSeparator = subComponent;
    }

    /// <summary>The usual delimiters (|^~\&amp;), for text written or read without a message of its own.</summary>
    public static Hl7Message Standard { get; } = Parse("MSH|^~\\&|").Value!;

    public char FieldSeparator { get; }

    public char ComponentSeparator { get; }

    public char RepetitionSeparator { get; }

    public char EscapeCharacter { get; }

    public char SubComponentSeparator { get; }

    public IEnumerable<string> SegmentNames => _segments.Select(s => s[0]);

    /// <summary>MSH-9.1^MSH-9.2, e.g. ORM^O01.</summary>
    public string MessageType => $"{Value("MSH", 9, component: 1)}^{Value("MSH", 9, component: 2)}";

    public string ControlId => Value("MSH", 10);

    public string SendingFacility => Value("MSH", 4, component: 1);

    public string SendingApplication => Value("MSH", 3, component: 1);

    public string Version => Value("MSH", 12, component: 1);

    public static Domain.Common.Outcome<Hl7Message> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Domain.Common.Outcome<Hl7Message>.Rejected("The message is empty.");
        }

        var lines = text.Replace("\r\n", "\r", StringComparison.Ordinal).Replace('\n', '\r')
            .Split('\r', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Trim('\u000b', '\u001c', ' '))
            .Where(l => l.Length > 0)
            .ToList();
        if (lines.Count == 0 || !lines[0].StartsWith("MSH", StringComparison.Ordinal) || lines[0].Length < 8)
        {
            return Domain.Common.Outcome<Hl7Message>.Rejected(
                "The message must start with an MSH segment giving its delimiters (e.g. MSH|^~\\&|...).");
        }

        var header = lines[0];
        var field = header[3];
        var encoding = header[4..].Split(field)[0];
        if (encoding.Length < 4 || encoding.Distinct().Count() != encoding.Length || encoding.Contains(field, StringComparison.Ordinal))
        {
            return Domain.Common.Outcome<Hl7Message>.Rejected(
                $"MSH-2 must give four distinct encoding characters (usually ^~\\&), not '{encoding}'.");
        }

        var segments = new List<string[]>(lines.Count);
        foreach (var line in lines)
        {
            var parts = line.Split(field);
            if (parts[0].Length != 3 || !parts[0].All(char.IsAsciiLetterOrDigit))
            {
                return Domain.Common.Outcome<Hl7Message>.Rejected(
                    $"'{Shorten(parts[0])}' is not a segment name (three letters or digits).");
            }

            if (parts[0] == "MSH")
            {
                // MSH-1 is the field separator itself, so MSH's fields shift by one against the split.
                parts = [.. parts.Take(1).Append(field.ToString()), .. parts.Skip(1)];
            }

            segments.Add(parts);
        }

        return Domain.Common.Outcome<Hl7Message>.Accepted(
            new Hl7Message(segments, field, encoding[0], encoding[1], encoding[2], encoding[3]));
    }

    public bool Has(string segment) => _segments.Any(s => s[0] == segment);

    public int Count(string segment) => _segments.Count(s => s[0] == segment);

    /// <summary>
    /// One value, decoded: segment (its nth occurrence, from 1), field, repetition, component, sub-component, all
    /// 1-based as HL7 numbers them. Empty when absent.
    /// </summary>
    public string Value(string segment, int field, int repetition = 1, int component = 1, int subComponent = 1, int occurrence = 1)
    {
        var raw = Raw(segment, field, occurrence);
        if (raw is null || (segment == "MSH" && field <= 2))
        {
            return raw ?? string.Empty;
        }

        var repetitions = raw.Split(RepetitionSeparator);
        if (repetition > repetitions.Length)
        {
            return string.Empty;
        }

        var components = repetitions[repetition - 1].Split(ComponentSeparator);
        if (component > components.Length)
        {
            return string.Empty;
        }

        var subComponents = components[component - 1].Split(SubComponentSeparator);
        return subComponent > subComponents.Length ? string.Empty : Unescape(subComponents[subComponent - 1]);
    }

    /// <summary>The repetitions of a field, each as its components (decoded).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Repetitions(string segment, int field, int occurrence = 1) =>
        Raw(segment, field, occurrence) is { Length: > 0 } raw
            ? [.. raw.Split(RepetitionSeparator)
                .Select(r =>
                (IReadOnlyList<string>)[.. r.Split(ComponentSeparator).Select(c => Unescape(c.Split(SubComponentSeparator)[0]))])]
            : [];

    /// <summary>An HL7 TS/DTM value (YYYY[MM[DD[HH[MM[SS[.S]]]]]][+/-ZZZZ]); without an offset it is UK local time.</summary>
    public static DateTimeOffset? ParseTime(string text, TimeZoneInfo local)
    {
        text = text.Trim();
        if (text.Length < 8)
        {
            return null;
        }

        var offsetAt = text.IndexOfAny(['+', '-'], 8);
        var stamp = offsetAt > 0 ? text[..offsetAt] : text;
        var dot = stamp.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            stamp = stamp[..dot];
        }

        string[] formats = ["yyyyMMddHHmmss", "yyyyMMddHHmm", "yyyyMMddHH", "yyyyMMdd"];
        if (!DateTime.TryParseExact(stamp, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return null;
        }

        if (offsetAt > 0)
        {
            var zone = text[offsetAt..];
            if (zone.Length != 5 || !int.TryParse(zone.AsSpan(1, 2), out var hours) || !int.TryParse(zone.AsSpan(3, 2), out var minutes))
            {
                return null;
            }

            var offset = new TimeSpan(hours, minutes, 0) * (zone[0] == '-' ? -1 : 1);
            return new DateTimeOffset(value, offset).ToUniversalTime();
        }

        return new DateTimeOffset(value, local.GetUtcOffset(value)).ToUniversalTime();
    }

    /// <summary>Encodes text for a field: the delimiters become escape sequences, line breaks \.br\.</summary>
    public string Escape(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == EscapeCharacter)
            {
                result.Append(EscapeCharacter).Append('E').Append(EscapeCharacter);
            }
            else if (c == FieldSeparator)
            {
                result.Append(EscapeCharacter).Append('F').Append(EscapeCharacter);
            }
            else if (c == ComponentSeparator)
            {
                result.Append(EscapeCharacter).Append('S').Append(EscapeCharacter);
            }
            else if (c == RepetitionSeparator)
            {
                result.Append(EscapeCharacter).Append('R').Append(EscapeCharacter);
            }
            else if (c == SubComponentSeparator)
            {
                result.Append(EscapeCharacter).Append('T').Append(EscapeCharacter);
            }
            else if (c is '\r' or '\n')
            {
                result.Append(EscapeCharacter).Append(".br").Append(EscapeCharacter);
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private string? Raw(string segment, int field, int occurrence)
    {
        var found = _segments.Where(s => s[0] == segment).Skip(occurrence - 1).FirstOrDefault();
        return found is null || field >= found.Length ? null : found[field];
    }

    /// <summary>Decodes escape sequences (\F\, \S\, \T\, \R\, \E\, \.br\, \Xhh\) in text written with these delimiters.</summary>
    public string Unescape(string value)
    {
        if (value.IndexOf(EscapeCharacter, StringComparison.Ordinal) < 0)
        {
            return value;
        }

        var result = new StringBuilder(value.Length);
        var i = 0;
        while (i < value.Length)
        {
            var end = value[i] == EscapeCharacter ? value.IndexOf(EscapeCharacter, i + 1) : -1;
            if (end < 0)
            {
                result.Append(value[i]);
                i++;
                continue;
            }

            var sequence = value[(i + 1)..end];
            result.Append(sequence switch
            {
                "F" => FieldSeparator.ToString(),
                "S" => ComponentSeparator.ToString(),
                "R" => RepetitionSeparator.ToString(),
                "T" => SubComponentSeparator.ToString(),
                "E" => EscapeCharacter.ToString(),
                ".br" => "\n",
                _ when sequence.Length > 1 && sequence[0] == 'X' && sequence.Length % 2 == 1 => Hex(sequence[1..]),
                _ => string.Empty, // formatting (\H\, \N\, ...) carries no text
            });
            i = end + 1;
        }

        return result.ToString();
    }

    private static string Hex(string digits)
    {
        try
        {
            return Encoding.Latin1.GetString(Convert.FromHexString(digits));
        }
        catch (FormatException)
        {
            return string.Empty;
        }
    }

    private static string Shorten(string text) => text.Length > 20 ? text[..20] + "…" : text;
}
