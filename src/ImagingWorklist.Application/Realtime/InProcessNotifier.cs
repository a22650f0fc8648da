namespace ImagingWorklist.Application.Realtime;

/// <summary>One app instance: a change goes straight to this instance's dispatcher.</summary>
public sealed class InProcessNotifier(WorklistChangeDispatcher dispatcher) : IWorklistNotifier
{
    public Task PublishAsync(WorklistChange change, CancellationToken cancellationToken = default) =>
        dispatcher.DispatchAsync(change, cancellationToken);
}
