namespace ImagingWorklist.Domain.Engine;

/// <summary>A reporter who could be given an exam: the verdict, and the reading minutes they hold of their capacity now.</summary>
public sealed record Candidate(EngineReporter Reporter, EligibilityVerdict Verdict, int HeldMinutes, int CapacityMinutes);
