namespace ImagingWorklist.Domain.Exams;

/// <summary>
/// Lifecycle per DOMAIN.md. UPS: Ready = SCHEDULED, Claimed/Preliminary/AwaitingVerification = IN PROGRESS,
/// Final/Amended = COMPLETED, Cancelled = CANCELED.
/// </summary>
public enum ExamState
{
    Ordered,
    Ready,
    Claimed,
    OnHold,
    Preliminary,

    /// <summary>A registrar signed; a consultant must verify before the report is final. The turnaround clock runs on.</summary>
    AwaitingVerification,
    Final,
    Amended,
    Cancelled,
}
