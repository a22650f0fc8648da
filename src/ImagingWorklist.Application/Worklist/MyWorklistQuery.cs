using ImagingWorklist.Application.Engine;
using ImagingWorklist.Domain.Engine;

namespace ImagingWorklist.Application.Worklist;

/// <summary>
/// The reporter's worklist in one call: the engine ranks what they may take now (through their saved filter), the
/// database supplies what each row shows, and the exams they hold come first. An exam the engine ranks but the database
/// no longer has open (changed a moment ago) is left out rather than shown stale.
/// </summary>
public sealed class MyWorklistQuery(WorklistEngineHost engine, OpenExamsQuery openExams)
{
    public async Task<MyWorklistView> LoadAsync(Guid reporterId, WorklistFilter filter, CancellationToken cancellationToken = default)
    {
        var ranked = engine.RankedFor(reporterId, filter.IsEmpty ? null : filter.Matches);
        var rows = (await openExams.RowsAsync([.. ranked.Select(r => r.Exam.Id)], cancellationToken)).ToDictionary(r => r.ExamId);
        var held = await openExams.HeldByAsync(reporterId, cancellationToken);
        return new MyWorklistView([.. ranked.Where(r => rows.ContainsKey(r.Exam.Id)).Select(r => (r, rows[r.Exam.Id]))], held,
            engine.SkipCount(reporterId));
    }

    /// <summary>The case the engine proposes next, or why there is none.</summary>
    public NextCaseResult NextCase(Guid reporterId) => engine.NextCase(reporterId);

    /// <summary>Cases passed over this session (the cherry-picking signal shown to the reporter).</summary>
    public int SkipCount(Guid reporterId) => engine.SkipCount(reporterId);
}
