using ImagingWorklist.Application.Common;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Audit;

/// <summary>Appends audit rows for events that change no other data (sign-ins, failed sign-ins). There is no update or delete.</summary>
public sealed class AuditTrail(IDbContextFactory<WorklistDbContext> contexts, TimeProvider clock)
{
    public async Task RecordAsync(AuditAction action, string actor, string detail, string? source = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Audit(new Actor(string.IsNullOrWhiteSpace(actor) ? "(blank)" : actor, Source: source), action, clock.GetUtcNow(), detail);
        await db.SaveChangesAsync(cancellationToken);
    }
}
