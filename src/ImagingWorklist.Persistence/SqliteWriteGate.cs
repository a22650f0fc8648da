using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ImagingWorklist.Persistence;

/// <summary>
/// SQLite has one writer at a time. Left to itself, a second writer spins in SQLite's busy handler with growing sleeps,
/// which turns a few concurrent claims into second-long stalls. Queuing writers here instead, first come first served,
/// per database file, keeps each wait to the time the writers ahead actually need.
/// </summary>
internal sealed class SqliteWriteGate : SaveChangesInterceptor
{
    public static readonly SqliteWriteGate Instance = new();

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new();
    private static readonly ConditionalWeakTable<DbContext, SemaphoreSlim> Held = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        var gate = GateOf(eventData.Context!);
        gate.Wait();
        Held.AddOrUpdate(eventData.Context!, gate);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var gate = GateOf(eventData.Context!);
        await gate.WaitAsync(cancellationToken);
        Held.AddOrUpdate(eventData.Context!, gate);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    // A version conflict does not end in SaveChangesFailed: EF reports it here instead, and the gate must open all the same.
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Release(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    private static SemaphoreSlim GateOf(DbContext context) =>
        Gates.GetOrAdd(context.Database.GetConnectionString() ?? string.Empty, _ => new SemaphoreSlim(1, 1));

    private static void Release(DbContext? context)
    {
        if (context is not null && Held.TryGetValue(context, out var gate))
        {
            Held.Remove(context);
            gate.Release();
        }
    }
}
