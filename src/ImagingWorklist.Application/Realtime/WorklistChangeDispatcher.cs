using ImagingWorklist.Application.Engine;
using Microsoft.Extensions.Logging;

namespace ImagingWorklist.Application.Realtime;

/// <summary>
/// Where every change lands on this app instance, whichever instance made it: the engine re-reads the exam first, then
/// subscribers (open worklists) hear about it and re-query.
/// </summary>
public sealed class WorklistChangeDispatcher(WorklistEngineHost engine, ILogger<WorklistChangeDispatcher> logger)
{
    private readonly Lock _gate = new();
    private readonly List<Func<WorklistChange, Task>> _subscribers = [];

    public IDisposable Subscribe(Func<WorklistChange, Task> handler)
    {
        lock (_gate)
        {
            _subscribers.Add(handler);
        }

        return new Subscription(this, handler);
    }

    public async Task DispatchAsync(WorklistChange change, CancellationToken cancellationToken = default)
    {
        if (change.Origin != engine.InstanceId)
        {
            if (change.ExamId is { } examId)
            {
                await engine.RefreshExamAsync(examId, cancellationToken);
            }

            if (change.Kind is WorklistChangeKind.RotaChanged or WorklistChangeKind.ReporterChanged)
            {
                await engine.RefreshReportersAsync(change.ReporterId, cancellationToken);
            }
        }

        Func<WorklistChange, Task>[] subscribers;
        lock (_gate)
        {
            subscribers = [.. _subscribers];
        }

        foreach (var subscriber in subscribers)
        {
            try
            {
                await subscriber(change);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One broken circuit must not stop the others from hearing about the change.
                logger.LogWarning(exception, "A worklist subscriber failed to handle {Kind} for exam {ExamId}", change.Kind, change.ExamId);
            }
        }
    }

    private sealed class Subscription(WorklistChangeDispatcher owner, Func<WorklistChange, Task> handler) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._subscribers.Remove(handler);
            }
        }
    }
}
