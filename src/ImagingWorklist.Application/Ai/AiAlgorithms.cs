using ImagingWorklist.Application.Common;
using ImagingWorklist.Domain.Ai;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Ai;

/// <summary>The register of AI algorithms (administrators): who sends results under which name, and where each is live.</summary>
public sealed class AiAlgorithms(IDbContextFactory<WorklistDbContext> contexts, TimeProvider clock)
{
    public async Task<IReadOnlyList<AiAlgorithmRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var algorithms = await db.AiAlgorithms.AsNoTracking().ToListAsync(cancellationToken);
        var counts = await db.AiResults.AsNoTracking().GroupBy(r => r.AlgorithmId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return
        [
            .. algorithms.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.AlgorithmVersion, StringComparer.Ordinal)
                .Select(a => new AiAlgorithmRow(a.Id, a.Name, a.Vendor, a.AlgorithmVersion, a.Label, a.Application,
                    AiFindingCode.WriteLines(a.Findings), a.LiveTrustIds, counts.GetValueOrDefault(a.Id), a.Version)),
        ];
    }

    /// <summary>Registers a new algorithm (<paramref name="id"/> null) or changes one, guarded by the version the editor read.</summary>
    public async Task<Outcome<Guid>> SaveAsync(Guid? id, int readVersion, AiAlgorithmDraft draft, Actor actor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(actor);
        if (StoredText.RefusalFor(("The name", draft.Name), ("The vendor", draft.Vendor), ("The version", draft.Version),
            ("The application name", draft.Application), ("The findings", draft.Findings)) is { } unstorable)
        {
            return Outcome<Guid>.Rejected(unstorable);
        }

        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var application = draft.Application?.Trim() ?? string.Empty;
        var clash = await db.AiAlgorithms.AsNoTracking().Where(a => a.Application == application && a.Id != id)
            .Select(a => new { a.Name, a.AlgorithmVersion }).FirstOrDefaultAsync(cancellationToken);
        if (clash is not null)
        {
            return Outcome<Guid>.Rejected(
                $"{AiAlgorithm.LabelOf(clash.Name, clash.AlgorithmVersion)} already sends results as {application}; each algorithm needs " +
                    $"its own application name, so every result is credited to one.");
        }

        var known = await db.Trusts.AsNoTracking().Select(t => t.Id).ToListAsync(cancellationToken);
        if (draft.LiveTrusts.Any(t => !known.Contains(t)))
        {
            return Outcome<Guid>.Rejected("One of the trusts chosen to go live is not a trust of this network; reload the page.");
        }

        AiAlgorithm algorithm;
        if (id is { } existing)
        {
            var found = await db.AiAlgorithms.SingleOrDefaultAsync(a => a.Id == existing, cancellationToken);
            if (found is null || found.Version != readVersion)
            {
                return Outcome<Guid>.Rejected(found is null ? "That algorithm no longer exists." :
                    "Someone changed this algorithm since you opened it; reload to see their change.");
            }

            var changed = found.Change(draft, now);
            if (!changed.Succeeded)
            {
                return Outcome<Guid>.Rejected(changed.Reason!);
            }

            algorithm = found;
        }
        else
        {
            var registered = AiAlgorithm.Register(Guid.NewGuid(), draft, now);
            if (!registered.Succeeded)
            {
                return Outcome<Guid>.Rejected(registered.Reason!);
            }

            algorithm = registered.Value!;
            db.AiAlgorithms.Add(algorithm);
        }

        var trusts = await db.Trusts.AsNoTracking().Where(t => algorithm.LiveTrustIds.Contains(t.Id)).Select(t => t.Name)
            .ToListAsync(cancellationToken);
        db.Audit(actor, AuditAction.AiAlgorithmChanged, now,
            $"{(id is null ? "Registered" : "Changed")} {algorithm.Label} by {algorithm.Vendor} (results as {algorithm.Application}; " +
                $"findings {string.Join(", ", algorithm.Findings.Select(f => f.Code))}); live for " +
                $"{(trusts.Count == 0 ? "no trust (silent everywhere)" : string.Join(", ", trusts.Order(StringComparer.Ordinal)))}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent change to this algorithm, or another registered under the same application name a moment ago.
            return Outcome<Guid>.Rejected(id is null
                ? $"Another algorithm was registered as {application} a moment ago; reload to see it."
                : "Someone changed this algorithm since you opened it; reload to see their change.");
        }

        return Outcome<Guid>.Accepted(algorithm.Id);
    }
}
