using ImagingWorklist.Domain.Catalogue;
using ImagingWorklist.Domain.Network;
using ImagingWorklist.Domain.Turnaround;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Ingest;

/// <summary>
/// What every inbound message looks up — trusts, sites, the procedure catalogue, the turnaround rules — read once and
/// kept for a minute, instead of on every message. A catalogue change on this instance clears it at once; another
/// instance's change is seen within the minute, and a procedure code not in the copy is always looked up afresh.
/// </summary>
public sealed class IngestReferenceData(IDbContextFactory<WorklistDbContext> contexts, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private Snapshot? _snapshot;

    public sealed record Snapshot(IReadOnlyList<Trust> Trusts, ILookup<Guid, Site> Sites, IReadOnlyDictionary<string,
        Procedure> Procedures, TurnaroundPolicy Policy, DateTimeOffset LoadedAt);

    public void Invalidate() => _snapshot = null;

    public async Task<Snapshot> GetAsync(CancellationToken cancellationToken)
    {
        var current = _snapshot;
        if (current is not null && clock.GetUtcNow() - current.LoadedAt < Lifetime)
        {
            return current;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            current = _snapshot;
            if (current is not null && clock.GetUtcNow() - current.LoadedAt < Lifetime)
            {
                return current;
            }

            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var trusts = await db.Trusts.AsNoTracking().ToListAsync(cancellationToken);
            var sites = await db.Sites.AsNoTracking().ToListAsync(cancellationToken);
            var procedures = await db.Procedures.AsNoTracking().ToListAsync(cancellationToken);
            var rules = await db.TurnaroundRules.AsNoTracking().ToListAsync(cancellationToken);
            _snapshot = current =
                new Snapshot(trusts, sites.ToLookup(s => s.TrustId), procedures.ToDictionary(p => p.Code), new TurnaroundPolicy(rules),
                clock.GetUtcNow());
            return current;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>A procedure by code: from the copy, or (for a code it does not hold) from the database.</summary>
    public async Task<Procedure?> ProcedureAsync(string code, CancellationToken cancellationToken)
    {
        var snapshot = await GetAsync(cancellationToken);
        if (snapshot.Procedures.TryGetValue(code, out var procedure))
        {
            return procedure;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        procedure = await db.Procedures.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        if (procedure is not null)
        {
            Invalidate();
        }

        return procedure;
    }
}
