namespace ImagingWorklist.Domain.Engine;

/// <summary>The pool at a moment: unclaimed exams by urgency class (indexed by class), unclaimed past due, claimed, and the longest
/// unclaimed wait.</summary>
public sealed record PoolSummary(IReadOnlyList<int> UnclaimedByClass, int PastDue, int Claimed, TimeSpan OldestWait);
