using System.Text.RegularExpressions;

namespace ImagingWorklist.Domain.Research;

/// <summary>
/// Removes direct identifiers from a report's text, each replaced by its kind in brackets ("[NAME]", "[DATE]"). Two kinds
/// of rule, written down in docs/decisions/0022-research-extracts.md: what the database knows about this patient and the
/// people around the exam (names, record and accession numbers), and patterns for what it cannot know (any NHS-number-
/// shaped or telephone-shaped digits, any date, UK postcodes, street addresses, titled names, labelled identifiers).
/// Rules err towards removing: a clinical word that is also a patient's name is removed when written with a capital.
/// </summary>
public sealed partial class ReportScrubber
{
    public const string Name = "[NAME]";
    public const string NhsNumber = "[NHS NUMBER]";
    public const string Phone = "[PHONE]";
    public const string Date = "[DATE]";
    public const string Address = "[ADDRESS]";
    public const string Identifier = "[IDENTIFIER]";

    private const string Months =
        "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|" +
        "Nov(?:ember)?|Dec(?:ember)?";

    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "Dr", "Mr", "Mrs", "Ms", "Miss", "Mx", "Prof", "Professor", "Sister", "Nurse", "Sr", "Rev", "Sir", "Dame",
    };

    private readonly Regex? everyone;

    /// <param name="everyone">Names known to everyone's reports (the network's staff), matched in every text.</param>
    public ReportScrubber(IEnumerable<string> everyone) => this.everyone = AnyOf(NameParts(everyone));

    public Scrubbed Scrub(string text, ScrubKnowledge known)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(known);
        var removed = 0;
        string Replace(Regex pattern, string input, string with) =>
            pattern.Replace(input, _ =>
            {
                removed++;
                return with;
            });

        var result = text;
        if (AnyOf(known.Identifiers.Select(i => i.Trim()).Where(i => i.Length >= 3)) is { } identifiers)
        {
            result = Replace(identifiers, result, Identifier);
        }

        result = Replace(LabelledIdentifier(), result, Identifier);
        result = Replace(PhoneNumber(), result, Phone);
        result = Replace(NhsNumberShape(), result, NhsNumber);
        result = Replace(CodedNumber(), result, Identifier);
        result = Replace(NumericDate(), result, Date);
        result = Replace(IsoDate(), result, Date);
        result = Replace(DayMonthYear(), result, Date);
        result = Replace(MonthDayYear(), result, Date);
        result = Replace(MonthYear(), result, Date);
        result = Replace(StreetAddress(), result, Address);
        result = Replace(Postcode(), result, Address);
        result = Replace(TitledName(), result, Name);
        foreach (var names in new[] { AnyOf(NameParts(known.Names)), everyone })
        {
            result = names?.Replace(result, match =>
            {
                if (!char.IsUpper(match.Value[0]))
                {
                    return match.Value;
                }

                removed++;
                return Name;
            }) ?? result;
        }

        return new Scrubbed(result, removed);
    }

    /// <summary>Each word of each known name, titles and initials left out.</summary>
    private static IEnumerable<string> NameParts(IEnumerable<string> names) =>
        names.SelectMany(n => n.Split([' ', ',', '.', '(', ')'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(p => p.Length >= 2 && !Titles.Contains(p) && p.Any(char.IsLetter));

    /// <summary>One pattern for several known words, each whole (not inside another word), longest tried first.</summary>
    private static Regex? AnyOf(IEnumerable<string> words)
    {
        var alternatives = words.Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(w => w.Length).Select(Regex.Escape).ToList();
        return alternatives.Count == 0
            ? null
            : new Regex($@"(?<!\w)(?:{string.Join('|', alternatives)})(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
                TimeSpan.FromSeconds(1));
    }

    /// <summary>"MRN: RX1234567", "Hospital no. 12345", "Accession number ABC123".</summary>
    [GeneratedRegex(
        @"\b(?:MRN|NHS\s*(?:no\.?|number)|hospital\s+(?:number|no\.?)|RIS\s+(?:number|no\.?)|acc(?:ession)?(?:\s*(?:number|no\.?))?)" +
        @"\s*[:#]?\s*(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{3,}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelledIdentifier();

    /// <summary>UK telephone numbers: +44 or a leading 0, then nine or ten more digits with spaces, hyphens or (0).</summary>
    [GeneratedRegex(@"(?<![\w+])(?:\+44[\s-]?(?:\(0\)[\s-]?)?|\(?0)\d(?:[\s\-)]{0,2}\d){8,9}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneNumber();

    /// <summary>Any ten digits in NHS number shape (3-3-4, spaced, hyphenated or run together), check digit or not.</summary>
    [GeneratedRegex(@"(?<!\d)\d{3}[ -]?\d{3}[ -]?\d{4}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NhsNumberShape();

    /// <summary>Record and accession numbers of any trust: up to four letters then six or more digits, or a bare run of six or
    /// more.</summary>
    [GeneratedRegex(@"\b[A-Z]{0,4}\d{6,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex CodedNumber();

    [GeneratedRegex(@"(?<!\d)\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(?<!\d)\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:T[\d:.]+Z?)?(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + Months + @")\.?,?\s+\d{2,4}\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\b(?:" + Months + @")\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"\b(?:" + Months + @")\.?,?\s+\d{4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex MonthYear();

    /// <summary>"12 Acacia Road", "Flat 3, 27b High St": a house number, one to three capitalised words, a street word.</summary>
    [GeneratedRegex(
        @"(?:\bFlat\s+\d+[A-Za-z]?,?\s+)?\b\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][A-Za-z'\-]+\s+){1,3}" +
        @"(?:Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Way|Crescent|Place|Court|Gardens|Terrace|Grove|Hill|Park|Square|Walk|Row|" +
        @"Mews|View|Rise|Green|Parade)\b\.?",
        RegexOptions.CultureInvariant)]
    private static partial Regex StreetAddress();

    /// <summary>UK postcodes as written (capitals): "LS1 3EX", "SW1A 1AA", "M1 1AE".</summary>
    [GeneratedRegex(@"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Postcode();

    /// <summary>A title and one or two capitalised words after it, with an initial allowed: "Dr J. Patel", "Mrs Anne-Marie
    /// O'Neill".</summary>
    [GeneratedRegex(
        @"\b(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Sister|Nurse|Sr|Rev)\.?\s+(?:[A-Z]\.?\s+)?" +
        @"[A-Z][A-Za-z'\-]+(?:\s+[A-Z][A-Za-z'\-]+)?",
        RegexOptions.CultureInvariant)]
    private static partial Regex TitledName();
}
