using ImagingWorklist.Domain.Engine;

namespace ImagingWorklist.Simulation;

/// <summary>One exam in a run: when it arrives, how long it really takes to read, and whether its first reader lets it go.</summary>
public sealed record SimExam(int Index, EngineExam Exam, double ReadingMinutes, double? ReleasedAfterMinutes, bool FromBacklog)
{
    public DateTimeOffset ArrivesAt => Exam.ReadyAt;

    public UrgencyClass BaseClass { get; } = UrgencyClasses.Base(Exam.Priority, Exam.Pathway);

    /// <summary>Anything but routine work: emergency, high and urgent (the classes a breach of harms soonest).</summary>
    public bool IsUrgent => BaseClass != UrgencyClass.Routine;
}
