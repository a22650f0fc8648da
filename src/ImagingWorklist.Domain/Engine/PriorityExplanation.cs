namespace ImagingWorklist.Domain.Engine;

/// <summary>Why an exam stands where it does: its class, what moved it, its due time and slack, and one plain sentence.</summary>
public sealed record PriorityExplanation(
    UrgencyClass Class,
    IReadOnlyList<PriorityFactor> Factors,
    DateTimeOffset DueAt,
    TimeSpan Slack,
    string Sentence);
