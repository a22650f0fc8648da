using ImagingWorklist.Domain.Common;

namespace ImagingWorklist.Domain.Reporting;

/// <summary>
/// The network's alert categories: which are offered, and how long the referring team has to acknowledge each before
/// it is escalated. Defaults follow the 2022 recommendations' three national codes.
/// </summary>
public sealed record CriticalFindingPolicy
{
    public TimeSpan CriticalWithin { get; init; } = TimeSpan.FromHours(1);

    public TimeSpan UrgentWithin { get; init; } = TimeSpan.FromHours(24);

    public TimeSpan CancerWithin { get; init; } = TimeSpan.FromDays(3);

    public TimeSpan UnexpectedWithin { get; init; } = TimeSpan.FromDays(7);

    /// <summary>The categories reporters may raise, in the order offered (labels or code names, comma-separated).</summary>
    public string Categories { get; init; } = "Critical, Urgent, Cancer";

    public IReadOnlyList<FindingCategory> Offered
        => [.. Parse(Categories).Where(c => c.Category is not null).Select(c => c.Category!.Value)];

    public TimeSpan Within(FindingCategory category) => category switch
    {
        FindingCategory.Critical => CriticalWithin,
        FindingCategory.Urgent => UrgentWithin,
        FindingCategory.Cancer => CancerWithin,
        _ => UnexpectedWithin,
    };

    /// <summary>The national alert text code, written at the head of the delivered report so a RIS can act on it.</summary>
    public static string TextCode(FindingCategory category) => category switch
    {
        FindingCategory.Critical => "CRITICAL",
        FindingCategory.Urgent => "URGENT",
        FindingCategory.Cancer => "CANCER",
        _ => "SIGNIFICANT UNEXPECTED",
    };

    /// <summary>What the category means, in the words a reporter chooses by.</summary>
    public static string Wording(FindingCategory category) => category switch
    {
        FindingCategory.Critical => "Needs emergency action: tell the referring team now, by telephone or in person.",
        FindingCategory.Urgent => "Needs medical evaluation within 24 hours.",
        FindingCategory.Cancer => "A suspected new cancer or a new recurrence (not progression of a known one); name the suspected " +
            "primary site.",
        _ => "Significant and unexpected; needs timely action.",
    };

    /// <summary>Each name in <see cref="Categories"/> read as a category, or the words that could not be.</summary>
    public static IReadOnlyList<(string Written, FindingCategory? Category)> Parse(string? categories) =>
        [.. (categories ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(w => (w, Labels.TryParse<FindingCategory>(w, out var c) ? c : (FindingCategory?)null))];
}
