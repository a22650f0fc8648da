namespace ImagingWorklist.Application.Audit;

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int TotalCount);
