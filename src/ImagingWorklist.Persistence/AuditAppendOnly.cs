using ImagingWorklist.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ImagingWorklist.Persistence;

/// <summary>
/// The audit trail is append-only: a save that would change or delete an audit row fails before it reaches the
/// database. Bulk statements that bypass the change tracker meet the database triggers added by the
/// AddOpenIddictAndAuditGuards migration instead.
/// </summary>
public sealed class AuditAppendOnly : SaveChangesInterceptor
{
    public static readonly AuditAppendOnly Instance = new();

    public const string Refusal = "Audit rows are append-only: they cannot be changed or deleted.";

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<AuditEvent>()
            .Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException(Refusal);
        }
    }
}
