using ImagingWorklist.Domain.Common;

namespace ImagingWorklist.Domain.Identifiers;

/// <summary>A 10-digit NHS number whose last digit is its Modulus 11 check digit.</summary>
public sealed record NhsNumber
{
    public const int Length = 10;
    public const string FhirSystem = "https://fhir.nhs.uk/Id/nhs-number";

    private NhsNumber(string value) => Value = value;

    public string Value { get; }

    /// <summary>Accepts the usual written forms ("943 476 5919", "943-476-5919").</summary>
    public static Outcome<NhsNumber> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Outcome<NhsNumber>.Rejected("NHS number is empty.");
        }

        var digits = text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (digits.Length != Length || !digits.All(char.IsAsciiDigit))
        {
            return Outcome<NhsNumber>.Rejected($"NHS number '{text}' must be {Length} digits.");
        }

        var check = CheckDigit(digits.AsSpan(0, 9));
        if (check is null)
        {
            return Outcome<NhsNumber>.Rejected($"NHS number '{text}' cannot be valid: its check digit would be 10.");
        }

        return check.Value == digits[9] - '0'
            ? Outcome<NhsNumber>.Accepted(new NhsNumber(digits))
            : Outcome<NhsNumber>.Rejected($"NHS number '{text}' fails the Modulus 11 check.");
    }

    public static NhsNumber FromTrusted(string value) => Parse(value).ValueOrThrow();

    /// <summary>Weights 10..2 over the first nine digits; 11 − (sum mod 11), where 11 means 0 and 10 means no valid number.</summary>
    public static int? CheckDigit(ReadOnlySpan<char> firstNine)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (firstNine[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            11 => 0,
            10 => null,
            _ => check,
        };
    }

    /// <summary>Formatted 3-3-4 as NHS guidance asks for display.</summary>
    public string Formatted => $"{Value[..3]} {Value[3..6]} {Value[6..]}";

    public override string ToString() => Formatted;
}
