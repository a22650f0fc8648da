namespace ImagingWorklist.Application.Realtime;

/// <summary>The port application code calls after it has committed a change.</summary>
public interface IWorklistNotifier
{
    Task PublishAsync(WorklistChange change, CancellationToken cancellationToken = default);
}
