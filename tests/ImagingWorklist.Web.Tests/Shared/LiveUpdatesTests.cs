using ImagingWorklist.Application.Engine;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.TestSupport;
using ImagingWorklist.Web.Components.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImagingWorklist.Web.Tests.Shared;

public sealed class LiveUpdatesTests
{
    [Fact]
    public async Task AHeavyViewRefreshesAtMostEveryIntervalAndNeverDropsAChange()
    {
        var clock = TestClock.Create();
        var engine = new WorklistEngineHost(null!, clock, NullLogger<WorklistEngineHost>.Instance);
        var dispatcher = new WorklistChangeDispatcher(engine, NullLogger<WorklistChangeDispatcher>.Instance);
        var refreshes = 0;
        using var live = new LiveUpdates(dispatcher, clock, () => { Interlocked.Increment(ref refreshes); return Task.CompletedTask; }, atMostEvery: TimeSpan.FromSeconds(5));
        Task Change() => dispatcher.DispatchAsync(new WorklistChange(WorklistChangeKind.ExamClaimed, Guid.NewGuid(), 1, Origin: engine.InstanceId));

        // Loaded a moment ago: the first change waits for the five seconds to be up.
        await Change();
        clock.Advance(TimeSpan.FromSeconds(1));
        await Task.Delay(50);
        Assert.Equal(0, Volatile.Read(ref refreshes));
        await Change();
        clock.Advance(TimeSpan.FromSeconds(4));
        await WaitForAsync(() => Volatile.Read(ref refreshes) == 1);

        // The next change, straight after, again waits for the interval; then it is shown.
        await Change();
        clock.Advance(TimeSpan.FromSeconds(2));
        await Task.Delay(50);
        Assert.Equal(1, Volatile.Read(ref refreshes));
        clock.Advance(TimeSpan.FromSeconds(3));
        await WaitForAsync(() => Volatile.Read(ref refreshes) == 2);
    }

    [Fact]
    public async Task AChangeAfterAQuietSpellIsShownAtOnceAndABurstAfterItOnceWhenTheWindowIsUp()
    {
        var clock = TestClock.Create();
        var engine = new WorklistEngineHost(null!, clock, NullLogger<WorklistEngineHost>.Instance);
        var dispatcher = new WorklistChangeDispatcher(engine, NullLogger<WorklistChangeDispatcher>.Instance);
        var refreshes = 0;
        using var live = new LiveUpdates(dispatcher, clock, () => { Interlocked.Increment(ref refreshes); return Task.CompletedTask; });
        Task Change() => dispatcher.DispatchAsync(new WorklistChange(WorklistChangeKind.ExamClaimed, Guid.NewGuid(), 1, Origin: engine.InstanceId));
        clock.Advance(LiveUpdates.Window);

        // Quiet since the page loaded: shown without waiting for the window (the clock does not move).
        await Change();
        await WaitForAsync(() => Volatile.Read(ref refreshes) == 1);

        // A burst straight after: held until the window is up, then one refresh for all of it.
        for (var i = 0; i < 5; i++)
        {
            await Change();
        }

        await Task.Delay(50);
        Assert.Equal(1, Volatile.Read(ref refreshes));
        clock.Advance(LiveUpdates.Window);
        await WaitForAsync(() => Volatile.Read(ref refreshes) == 2);
        await Task.Delay(50);
        Assert.Equal(2, Volatile.Read(ref refreshes));
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
