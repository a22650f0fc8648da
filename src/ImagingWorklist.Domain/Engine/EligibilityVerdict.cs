namespace ImagingWorklist.Domain.Engine;

/// <summary>Every reason a reporter may not take an exam now; empty means eligible.</summary>
public sealed record EligibilityVerdict(IReadOnlyList<Ineligibility> Reasons)
{
    public bool IsEligible => Reasons.Count == 0;

    public bool FailsOnlyOnCapacity => Reasons.Count == 1 && Reasons[0].Reason == IneligibilityReason.OverCapacity;
}
