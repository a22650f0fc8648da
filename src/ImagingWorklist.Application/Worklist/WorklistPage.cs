namespace ImagingWorklist.Application.Worklist;

public sealed record WorklistPage(IReadOnlyList<WorklistRow> Rows, int TotalCount);
