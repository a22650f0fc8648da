using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Domain.Research;

/// <summary>
/// Which exams a request covers: signed (final) reports of the named trusts performed in [From, To], optionally narrowed
/// by modality, procedure code, pathway, age at examination and a phrase the report text contains. An empty list means
/// any.
/// </summary>
public sealed record ResearchCohort
{
    public const int TextMaxLength = 200;
    public const int MaxListLength = 100;
    public const int CodeMaxLength = 40;

    public required IReadOnlyList<string> TrustCodes { get; init; }

    public required DateOnly From { get; init; }

    public required DateOnly To { get; init; }

    public IReadOnlyList<Modality> Modalities { get; init; } = [];

    public IReadOnlyList<string> ProcedureCodes { get; init; } = [];

    public IReadOnlyList<Pathway> Pathways { get; init; } = [];

    public int? AgeFrom { get; init; }

    public int? AgeTo { get; init; }

    public string? TextContains { get; init; }

    /// <summary>What is wrong with this cohort, in words a requester can act on; empty when it can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (TrustCodes.Count == 0)
        {
            problems.Add("Choose at least one trust.");
        }

        if (From > To)
        {
            problems.Add($"The date range starts ({UkCalendar.WriteDate(From)}) after it ends ({UkCalendar.WriteDate(To)}).");
        }

        if (AgeFrom is < 0 or > 130 || AgeTo is < 0 or > 130)
        {
            problems.Add("Ages must be between 0 and 130.");
        }
        else if (AgeFrom > AgeTo)
        {
            problems.Add($"The age range starts ({AgeFrom}) above where it ends ({AgeTo}).");
        }

        if (TextContains is { } text && (text.Length > TextMaxLength || text.Any(char.IsControl)))
        {
            problems.Add($"'Report text contains' must be at most {TextMaxLength} characters without control characters.");
        }

        if (ProcedureCodes.FirstOrDefault(c => c.Length is 0 or > CodeMaxLength || c.Any(char.IsControl)) is { } code)
        {
            problems.Add($"'{Shown(code)}' is not a procedure code: codes are 1 to {CodeMaxLength} characters without control characters.");
        }

        if (TrustCodes.Count > MaxListLength || ProcedureCodes.Count > MaxListLength)
        {
            problems.Add($"Name at most {MaxListLength} trusts and {MaxListLength} procedure codes.");
        }

        return problems;
    }

    private static string Shown(string code) =>
        (code.Length > CodeMaxLength ? code[..CodeMaxLength] + "…" : code).Replace("\0", "\\0", StringComparison.Ordinal);

    public bool IncludesAge(int age) => (AgeFrom is null || age >= AgeFrom) && (AgeTo is null || age <= AgeTo);
}
