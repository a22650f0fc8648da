namespace ImagingWorklist.Application.Dashboards;

public sealed record TurnaroundReport(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<TurnaroundRow> Rows);
