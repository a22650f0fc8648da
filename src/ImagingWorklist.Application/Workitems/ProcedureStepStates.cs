using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Application.Workitems;

public static class ProcedureStepStates
{
    /// <summary>An exam's state as a UPS procedure step state (DOMAIN.md): the one mapping for search results and events.</summary>
    public static ProcedureStepState Of(ExamState state) => state switch
    {
        ExamState.Claimed or ExamState.Preliminary or ExamState.AwaitingVerification => ProcedureStepState.InProgress,
        ExamState.Final or ExamState.Amended => ProcedureStepState.Completed,
        ExamState.Cancelled => ProcedureStepState.Canceled,
        _ => ProcedureStepState.Scheduled,
    };
}
