namespace ImagingWorklist.Application.Worklist;

public sealed record WorklistPageRequest(int Skip, int Take, WorklistSort SortBy = WorklistSort.Priority, bool Descending = false);
