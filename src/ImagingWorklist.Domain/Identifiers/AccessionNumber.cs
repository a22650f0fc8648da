using ImagingWorklist.Domain.Common;

namespace ImagingWorklist.Domain.Identifiers;

/// <summary>The RIS accession number: unique within one trust, not across the network.</summary>
public sealed record AccessionNumber
{
    /// <summary>DICOM (0008,0050) is a Short String of at most 16 characters.</summary>
    public const int MaxLength = 16;

    private AccessionNumber(string value) => Value = value;

    public string Value { get; }

    public static Outcome<AccessionNumber> Parse(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return Outcome<AccessionNumber>.Rejected("Accession number is empty.");
        }

        if (value.Length > MaxLength)
        {
            return Outcome<AccessionNumber>.Rejected($"Accession number '{value}' is longer than {MaxLength} characters.");
        }

        if (value.Any(c => char.IsControl(c) || c == '\\'))
        {
            return Outcome<AccessionNumber>.Rejected($"Accession number '{value}' contains a control character or backslash.");
        }

        return Outcome<AccessionNumber>.Accepted(new AccessionNumber(value));
    }

    public static AccessionNumber FromTrusted(string value) => Parse(value).ValueOrThrow();

    public override string ToString() => Value;
}
