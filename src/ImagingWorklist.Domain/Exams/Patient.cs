using ImagingWorklist.Domain.Identifiers;

namespace ImagingWorklist.Domain.Exams;

/// <summary>
/// The patient as the ordering trust identifies them. Confidential: shown only to people credentialed for the trust.
/// An NHS number that fails validation is kept as sent (<see cref="UnverifiedNhsNumber"/>), flagged, never dropped.
/// </summary>
public sealed record Patient
{
    public const int NameMaxLength = 100;
    public const int MrnMaxLength = 40;

    private Patient()
    {
        LocalMrn = string.Empty;
        FamilyName = string.Empty;
        GivenName = string.Empty;
    }

    public Patient(string? nhsNumberText, string localMrn, string familyName, string givenName, DateOnly dateOfBirth, Sex sex)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(localMrn);
        var parsed = NhsNumber.Parse(nhsNumberText);
        NhsNumber = parsed.Value;
        UnverifiedNhsNumber = parsed.Succeeded || string.IsNullOrWhiteSpace(nhsNumberText) ? null : nhsNumberText.Trim();
        LocalMrn = localMrn;
        FamilyName = familyName;
        GivenName = givenName;
        DateOfBirth = dateOfBirth;
        Sex = sex;
    }

    public NhsNumber? NhsNumber { get; private init; }

    public string? UnverifiedNhsNumber { get; private init; }

    public string LocalMrn { get; private init; }

    public string FamilyName { get; private init; }

    public string GivenName { get; private init; }

    public DateOnly DateOfBirth { get; private init; }

    public Sex Sex { get; private init; }

    public bool HasInvalidNhsNumber => UnverifiedNhsNumber is not null;

    public int AgeInYearsOn(DateOnly day) => AgeInYears(DateOfBirth, day);

    public static int AgeInYears(DateOnly dateOfBirth, DateOnly day)
    {
        var age = day.Year - dateOfBirth.Year;
        return dateOfBirth > day.AddYears(-age) ? age - 1 : age;
    }
}
