using ImagingWorklist.Application.Engine;

namespace ImagingWorklist.Application.Dashboards;

/// <summary>One reporter's workload credit in each of the weeks shown, most recent first.</summary>
public sealed record WorkloadBalanceRow(Guid ReporterId, string Name, IReadOnlyList<WorkloadCredit> Weeks);
