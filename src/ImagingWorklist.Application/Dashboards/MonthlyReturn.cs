namespace ImagingWorklist.Application.Dashboards;

public sealed record MonthlyReturn(DateOnly Month, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<MonthlyReturnRow> Rows);
