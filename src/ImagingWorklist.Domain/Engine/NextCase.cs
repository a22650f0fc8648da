namespace ImagingWorklist.Domain.Engine;

public sealed record NextCase(EngineExam Exam, UrgencyClass Class, IReadOnlyList<EngineExam> SamePatient);
