using ImagingWorklist.Domain.Common;

namespace ImagingWorklist.Domain.Identifiers;

/// <summary>A DICOM UID (PS3.5 §9): dot-separated numeric components, at most 64 characters, no leading zeros.</summary>
public sealed record StudyInstanceUid
{
    public const int MaxLength = 64;

    private StudyInstanceUid(string value) => Value = value;

    public string Value { get; }

    public static Outcome<StudyInstanceUid> Parse(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return Outcome<StudyInstanceUid>.Rejected("Study Instance UID is empty.");
        }

        if (value.Length > MaxLength)
        {
            return Outcome<StudyInstanceUid>.Rejected($"Study Instance UID is longer than {MaxLength} characters.");
        }

        foreach (var part in value.Split('.'))
        {
            if (part.Length == 0 || !part.All(char.IsAsciiDigit) || (part.Length > 1 && part[0] == '0'))
            {
                return Outcome<StudyInstanceUid>.Rejected($"Study Instance UID '{value}' is not a valid DICOM UID.");
            }
        }

        return Outcome<StudyInstanceUid>.Accepted(new StudyInstanceUid(value));
    }

    public static StudyInstanceUid FromTrusted(string value) => Parse(value).ValueOrThrow();

    public override string ToString() => Value;
}
