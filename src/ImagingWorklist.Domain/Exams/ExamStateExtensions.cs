namespace ImagingWorklist.Domain.Exams;

public static class ExamStateExtensions
{
    /// <summary>Open = in the backlog: ready to report and not yet finalised.</summary>
    public static bool IsOpen(this ExamState state) =>
        state is ExamState.Ready or ExamState.Claimed or ExamState.OnHold or ExamState.Preliminary or ExamState.AwaitingVerification;

    public static bool IsTerminal(this ExamState state) =>
        state is ExamState.Final or ExamState.Amended or ExamState.Cancelled;
}
