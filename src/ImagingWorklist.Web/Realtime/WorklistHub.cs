using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ImagingWorklist.Web.Realtime;

/// <summary>
/// Live changes for clients other than the Blazor pages (workstation tools, dashboards, the load driver). Messages carry
/// ids only; a client that reconnects re-queries.
/// </summary>
[Authorize(Policy = Security.WorklistPolicies.WorklistRead)]
public sealed class WorklistHub : Hub<IWorklistClient>
{
    public const string Path = "/hubs/worklist";
}
