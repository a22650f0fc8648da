using ImagingWorklist.Application.Realtime;

namespace ImagingWorklist.Web.Components.Shared;

/// <summary>
/// Subscribes a component to worklist changes and coalesces bursts: a change after a quiet spell is shown at once, and
/// however many follow within the window, the component refreshes once more when it is up, so a flood of claims never
/// becomes a render storm on a slow connection, and a single change is not held back by the window.
/// </summary>
internal sealed class LiveUpdates : IDisposable
{
    /// <summary>Rota pages care only about rota and reporter changes.</summary>
    public static bool RotaOnly(WorklistChange change)
        => change.Kind is WorklistChangeKind.RotaChanged or WorklistChangeKind.ReporterChanged;

    /// <summary>Reports, verifications, opinions and findings.</summary>
    public static bool ReportingOnly(WorklistChange change)
        => change.Kind is WorklistChangeKind.ReportingChanged or WorklistChangeKind.ReporterChanged;

    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(200);

    private readonly IDisposable _subscription;
    private readonly Func<Task> _refresh;
    private readonly TimeProvider _clock;
    private readonly Func<WorklistChange, bool>? _relevant;
    private readonly TimeSpan _atMostEvery;
    private long _lastRefreshTicks;
    private int _pending;
    private bool _disposed;

    /// <param name="relevant">Which changes this component shows; others (every claim on the network, say) cost it nothing.</param>
    /// <param name="atMostEvery">
    /// For views whose query is heavy (network-wide counts): refresh at most this often. A change that comes sooner is
    /// shown when the interval is up, never dropped.
    /// </param>
    public LiveUpdates(WorklistChangeDispatcher dispatcher, TimeProvider clock, Func<Task> refresh, Func<WorklistChange,
        bool>? relevant = null, TimeSpan? atMostEvery = null)
    {
        _refresh = refresh;
        _clock = clock;
        _relevant = relevant;
        _atMostEvery = atMostEvery ?? TimeSpan.Zero;
        _lastRefreshTicks = clock.GetUtcNow().UtcTicks;
        _subscription = dispatcher.Subscribe(OnChange);
    }

    private Task OnChange(WorklistChange change)
    {
        if (change.Kind != WorklistChangeKind.Resynchronised && _relevant is { } relevant && !relevant(change))
        {
            return Task.CompletedTask;
        }

        if (Interlocked.Exchange(ref _pending, 1) == 0)
        {
            _ = RefreshSoonAsync();
        }

        return Task.CompletedTask;
    }

    private async Task RefreshSoonAsync()
    {
        var sinceLast = TimeSpan.FromTicks(_clock.GetUtcNow().UtcTicks - Interlocked.Read(ref _lastRefreshTicks));
        var wait = (_atMostEvery > Window ? _atMostEvery : Window) - sinceLast;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _clock);
        }
        else
        {
            // Off the dispatcher's thread, which has other pages to tell.
            await Task.Yield();
        }

        Interlocked.Exchange(ref _pending, 0);
        Interlocked.Exchange(ref _lastRefreshTicks, _clock.GetUtcNow().UtcTicks);
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
