using ImagingWorklist.Application.Realtime;

namespace ImagingWorklist.Web.Components.Shared;

/// <summary>
/// Subscribes a component to worklist changes and coalesces bursts: however many changes arrive within the window, the
/// component refreshes once, so a flood of claims never becomes a render storm on a slow connection.
/// </summary>
internal sealed class LiveUpdates : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(200);

    private readonly IDisposable _subscription;
    private readonly Func<Task> _refresh;
    private readonly TimeProvider _clock;
    private int _pending;
    private bool _disposed;

    public LiveUpdates(WorklistChangeDispatcher dispatcher, TimeProvider clock, Func<Task> refresh)
    {
        _refresh = refresh;
        _clock = clock;
        _subscription = dispatcher.Subscribe(OnChange);
    }

    private Task OnChange(WorklistChange change)
    {
        if (Interlocked.Exchange(ref _pending, 1) == 0)
        {
            _ = RefreshSoonAsync();
        }

        return Task.CompletedTask;
    }

    private async Task RefreshSoonAsync()
    {
        await Task.Delay(Window, _clock);
        Interlocked.Exchange(ref _pending, 0);
        if (!_disposed)
        {
            await _refresh();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _subscription.Dispose();
    }
}
