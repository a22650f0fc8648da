using ImagingWorklist.Application.Realtime;

namespace ImagingWorklist.Web.Realtime;

/// <summary>
/// One change as the hub sends it, in JSON: <c>{"kind":"ExamClaimed","examId":"…","version":7,"reporterId":null}</c>.
/// <c>kind</c> is a name a client can read (ExamAdded, ExamUpdated, ExamClaimed, ExamReleased, ExamReported,
/// PriorityChanged, AssignmentOffered, RotaChanged, ReporterChanged, ReportingChanged); <c>examId</c> is null for rota
/// and reporter changes; <c>version</c> is the exam's row version after the change; <c>reporterId</c> names the reporter
/// a change is addressed to, when there is one. Ids only, never patient data: a client re-queries what it shows.
/// </summary>
public sealed record WorklistChangedMessage(string Kind, Guid? ExamId, long Version, Guid? ReporterId)
{
    public static WorklistChangedMessage Of(WorklistChange change)
        => new(change.Kind.ToString(), change.ExamId, change.Version, change.ReporterId);
}
