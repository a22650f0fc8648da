namespace ImagingWorklist.Domain.Engine;

public sealed record Ineligibility(IneligibilityReason Reason, string Explanation);
