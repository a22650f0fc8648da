namespace ImagingWorklist.Persistence;

/// <summary>
/// What the engine offered a reporter at the moment they claimed an exam (decision 0025): where the exam stood on their
/// list, and how long the first case on it was expected to take. Compared with what they took, it shows cherry-picking.
/// </summary>
public sealed class ClaimOffer
{
    public Guid Id { get; init; }

    public Guid ExamId { get; init; }

    public Guid ReporterId { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>The claimed exam's place on the reporter's ranked list (1 is first); null when it was not on it.</summary>
    public int? Rank { get; init; }

    /// <summary>The claimed exam's expected reading minutes.</summary>
    public int TakenMinutes { get; init; }

    /// <summary>The expected reading minutes of the first case the engine offered; null when it offered none.</summary>
    public int? FirstMinutes { get; init; }
}
