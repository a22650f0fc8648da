using ImagingWorklist.Application.Realtime;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ImagingWorklist.Web.Realtime;

/// <summary>What a client of /hubs/worklist receives: one <c>WorklistChanged</c> message per committed change.</summary>
public interface IWorklistClient
{
    Task WorklistChanged(WorklistChangedMessage change);
}

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

/// <summary>
/// Live changes for clients other than the Blazor pages (workstation tools, dashboards, the load driver). Messages carry
/// ids only; a client that reconnects re-queries.
/// </summary>
[Authorize(Policy = Security.WorklistPolicies.WorklistRead)]
public sealed class WorklistHub : Hub<IWorklistClient>
{
    public const string Path = "/hubs/worklist";
}
