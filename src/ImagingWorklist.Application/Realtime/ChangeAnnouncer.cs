using ImagingWorklist.Application.Engine;
using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Application.Realtime;

/// <summary>
/// The one path from a committed change to everyone who must hear of it: this instance's engine first (with this
/// instance as the change's origin, so it is not applied twice), then the other instances and every open page through
/// the notifier. Call it only after the commit succeeded; nothing else builds a <see cref="WorklistChange"/>.
/// </summary>
public sealed class ChangeAnnouncer(WorklistEngineHost engine, IWorklistNotifier notifier)
{
    /// <summary>An exam this instance has just saved: the engine takes it from the entity, without reading it back.</summary>
    public Task ExamAsync(Exam exam, WorklistChangeKind kind, CancellationToken cancellationToken = default)
    {
        engine.Apply(exam);
        return Publish(kind, exam.Id, exam.Version, exam.ClaimedById, cancellationToken);
    }

    /// <summary>A claim committed by one statement, without loading the exam.</summary>
    public Task ExamClaimedAsync(Guid examId, Guid reporterId, long version, CancellationToken cancellationToken = default)
    {
        engine.ApplyClaim(examId, reporterId);
        return Publish(WorklistChangeKind.ExamClaimed, examId, version, reporterId, cancellationToken);
    }

    /// <summary>
    /// A report, verification, opinion, finding or delivery on the exam changed: nothing the engine ranks by.
    /// <paramref name="addressedTo"/> names the reporter it concerns, when there is one; <paramref name="version"/> is the
    /// exam's, when the change touched the exam row too.
    /// </summary>
    public Task ReportingAsync(Guid examId, Guid? addressedTo = null, long version = 0, CancellationToken cancellationToken = default) =>
        Publish(WorklistChangeKind.ReportingChanged, examId, version, addressedTo, cancellationToken);

    /// <summary>A reporter's shifts, leave or job plan changed (null: several reporters').</summary>
    public Task RotaAsync(Guid? reporterId, CancellationToken cancellationToken = default) =>
        ReporterAsync(WorklistChangeKind.RotaChanged, reporterId, cancellationToken);

    /// <summary>A reporter's credentials or account changed: eligibility and access are read again.</summary>
    public Task ReporterAsync(Guid? reporterId, CancellationToken cancellationToken = default) =>
        ReporterAsync(WorklistChangeKind.ReporterChanged, reporterId, cancellationToken);

    /// <summary>
    /// The message an instance gives its own pages (and hub clients) after rebuilding its engine when it could not hear
    /// the others for a while: built here like every change, sent by the notifier that noticed.
    /// </summary>
    public static WorklistChange Resynchronised(string instanceId) => new(WorklistChangeKind.Resynchronised, null, 0, null, instanceId);

    private async Task ReporterAsync(WorklistChangeKind kind, Guid? reporterId, CancellationToken cancellationToken)
    {
        await engine.RefreshReportersAsync(reporterId, cancellationToken);
        await Publish(kind, null, 0, reporterId, cancellationToken);
    }

    private Task Publish(WorklistChangeKind kind, Guid? examId, long version, Guid? reporterId, CancellationToken cancellationToken) =>
        notifier.PublishAsync(new WorklistChange(kind, examId, version, reporterId, engine.InstanceId), cancellationToken);
}
