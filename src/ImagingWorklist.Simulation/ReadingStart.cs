namespace ImagingWorklist.Simulation;

public readonly record struct ReadingStart(int Exam, Guid ReporterId, DateTimeOffset At);
