namespace ImagingWorklist.Domain.Engine;

/// <summary>One line of a reporter's ranked list, with why it stands there.</summary>
public sealed record RankedExam(EngineExam Exam, UrgencyClass Class, int Rank, bool SamePatientAsHeld, PriorityExplanation Explanation);
