namespace ImagingWorklist.Domain.Engine;

public sealed record NextCase(EngineExam Exam, UrgencyClass Class, IReadOnlyList<EngineExam> SamePatient)
{
    /// <summary>When workload credit broke a tie (decision 0025), why this case rather than the first of the tie.</summary>
    public string? Fairness { get; init; }
}
