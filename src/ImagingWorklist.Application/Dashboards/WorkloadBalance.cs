namespace ImagingWorklist.Application.Dashboards;

/// <summary>
/// Workload credit per reporter per week (decision 0025): the weeks are the last seven days and the seven-day blocks before
/// them, most recent first, each with the mean share of every reporter rostered in it for comparison.
/// </summary>
public sealed record WorkloadBalance(IReadOnlyList<DateTimeOffset> WeekStarts, DateTimeOffset To, IReadOnlyList<WorkloadBalanceRow> Rows,
    IReadOnlyList<double?> MeanShares);
