using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Worklist;

/// <summary>The network's trusts, for filters and pickers.</summary>
public sealed class TrustsQuery(IDbContextFactory<WorklistDbContext> contexts)
{
    public async Task<IReadOnlyList<TrustOption>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var trusts = await db.Trusts.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
        return [.. trusts.Select(t => new TrustOption(t.Id, t.OdsCode.Value, t.Name))];
    }
}
