namespace ImagingWorklist.Application.Realtime;

public enum WorklistChangeKind
{
    ExamAdded,
    ExamUpdated,
    ExamClaimed,
    ExamReleased,
    ExamReported,
    PriorityChanged,
    AssignmentOffered,
    RotaChanged,

    /// <summary>A reporter's credentials or account changed: eligibility and access must be re-read.</summary>
    ReporterChanged,

    /// <summary>
    /// A report, verification, specialist opinion or critical finding on the exam changed. <see cref="WorklistChange.ReporterId"/>
    /// names the reporter it is addressed to, when there is one (the asker of an answered question, the registrar of a
    /// returned report).
    /// </summary>
    ReportingChanged,

    /// <summary>
    /// This instance could not hear the others for a while and has rebuilt its engine from the database: anything may
    /// have changed, so every view re-reads.
    /// </summary>
    Resynchronised,
}

/// <summary>
/// What changed, by id only: receivers re-query, so a message can never carry stale or unauthorised data.
/// <see cref="Version"/> is the exam's own monotonic version (0 for changes that are not about one exam);
/// <see cref="Origin"/> names the app instance that made it, which has already applied it to its own engine.
/// </summary>
public sealed record WorklistChange(WorklistChangeKind Kind, Guid? ExamId, long Version, Guid? ReporterId = null, string? Origin = null);

/// <summary>The port application code calls after it has committed a change.</summary>
public interface IWorklistNotifier
{
    Task PublishAsync(WorklistChange change, CancellationToken cancellationToken = default);
}
