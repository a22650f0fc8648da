using ImagingWorklist.Domain.Common;

namespace ImagingWorklist.Domain.Identifiers;

/// <summary>An NHS Organisation Data Service code: 3 characters for a trust (e.g. RXH), 5 for one of its sites (e.g. RXH01).</summary>
public sealed record OdsCode
{
    public const int MaxLength = 10;

    private OdsCode(string value) => Value = value;

    public string Value { get; }

    public static Outcome<OdsCode> Parse(string? text)
    {
        var value = text?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(value))
        {
            return Outcome<OdsCode>.Rejected("ODS code is empty.");
        }

        if (value.Length is < 3 or > MaxLength || !value.All(char.IsAsciiLetterOrDigit))
        {
            return Outcome<OdsCode>.Rejected($"ODS code '{text}' must be 3 to {MaxLength} letters or digits.");
        }

        return Outcome<OdsCode>.Accepted(new OdsCode(value));
    }

    public static OdsCode FromTrusted(string value) => Parse(value).ValueOrThrow();

    public override string ToString() => Value;
}
