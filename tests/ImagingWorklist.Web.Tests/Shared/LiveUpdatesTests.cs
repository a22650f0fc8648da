using ImagingWorklist.Application.Engine;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.TestSupport;
using ImagingWorklist.Web.Components.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ImagingWorklist.Web.Tests.Shared;

public sealed class LiveUpdatesTests
{
    [Fact]
    public async Task AHeavyViewRefreshesAtMostEveryIntervalAndNeverDropsAChange()
    {
        var (clock, live, refreshes, change) = Subscribed(TimeSpan.FromSeconds(5));
        using var subscription = live;

        // Loaded a moment ago: the first change waits for the five seconds to be up.
        await change();
        clock.Advance(TimeSpan.FromSeconds(1));
        await Task.Delay(50);
        Assert.Equal(0, refreshes.Count);
        await change();
        clock.Advance(TimeSpan.FromSeconds(4));
        await WaitForAsync(() => refreshes.Count == 1);

        // The next change, straight after, again waits for the interval; then it is shown.
        await change();
        clock.Advance(TimeSpan.FromSeconds(2));
        await Task.Delay(50);
        Assert.Equal(1, refreshes.Count);
        clock.Advance(TimeSpan.FromSeconds(3));
        await WaitForAsync(() => refreshes.Count == 2);
    }

    [Fact]
    public async Task AChangeAfterAQuietSpellIsShownAtOnceAndABurstAfterItOnceWhenTheWindowIsUp()
    {
        var (clock, live, refreshes, change) = Subscribed(atMostEvery: null);
        using var subscription = live;
        clock.Advance(LiveUpdates.Window);

        // Quiet since the page loaded: shown without waiting for the window (the clock does not move).
        await change();
        await WaitForAsync(() => refreshes.Count == 1);

        // A burst straight after: held until the window is up, then one refresh for all of it.
        for (var i = 0; i < 5; i++)
        {
            await change();
        }

        await Task.Delay(50);
        Assert.Equal(1, refreshes.Count);
        clock.Advance(LiveUpdates.Window);
        await WaitForAsync(() => refreshes.Count == 2);
        await Task.Delay(50);
        Assert.Equal(2, refreshes.Count);
    }

    /// <summary>A view subscribed to a dispatcher on a fake clock, the refreshes it made, and a way to make a change.</summary>
    private static (FakeTimeProvider Clock, LiveUpdates Live, Counter Refreshes, Func<Task> Change) Subscribed(TimeSpan? atMostEvery)
    {
        var clock = TestClock.Create();
        var engine = new WorklistEngineHost(null!, clock, NullLogger<WorklistEngineHost>.Instance);
        var dispatcher = new WorklistChangeDispatcher(engine, NullLogger<WorklistChangeDispatcher>.Instance);
        var refreshes = new Counter();
        var live =
            new LiveUpdates(dispatcher, clock, () => { refreshes.Increment(); return Task.CompletedTask; }, atMostEvery: atMostEvery);
        return (clock, live, refreshes,
            () => dispatcher.DispatchAsync(
            new WorklistChange(WorklistChangeKind.ExamClaimed, Guid.NewGuid(), 1, Origin: engine.InstanceId)));
    }

    private sealed class Counter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Increment() => Interlocked.Increment(ref _count);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
