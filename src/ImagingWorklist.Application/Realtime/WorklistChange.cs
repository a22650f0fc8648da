namespace ImagingWorklist.Application.Realtime;

/// <summary>
/// What changed, by id only: receivers re-query, so a message can never carry stale or unauthorised data.
/// <see cref="Version"/> is the exam's own monotonic version (0 for changes that are not about one exam);
/// <see cref="Origin"/> names the app instance that made it, which has already applied it to its own engine.
/// </summary>
public sealed record WorklistChange(WorklistChangeKind Kind, Guid? ExamId, long Version, Guid? ReporterId = null, string? Origin = null);
