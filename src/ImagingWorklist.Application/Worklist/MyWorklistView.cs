using ImagingWorklist.Domain.Engine;

namespace ImagingWorklist.Application.Worklist;

/// <summary>What a reporter's own worklist shows: the engine's ranking for them joined with the rows to display.</summary>
public sealed record MyWorklistView(IReadOnlyList<(RankedExam Ranked, WorklistRow Row)> Rows, IReadOnlyList<WorklistRow> Held, int Skips);
