using ImagingWorklist.Application.Common;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Research;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Research;

/// <summary>
/// The national data opt-out list. Each import replaces the list (the NHS supplies it whole, and a patient may opt back
/// in); it is all or nothing, and audited with its counts.
/// </summary>
public sealed class OptOuts(IDbContextFactory<WorklistDbContext> contexts, TimeProvider clock)
{
    public async Task<Outcome<OptOutImport>> ImportAsync(string? text, Actor actor, CancellationToken cancellationToken = default)
    {
        var parsed = OptOutFile.Parse(text);
        if (!parsed.Succeeded)
        {
            return Outcome<OptOutImport>.Rejected(parsed.Reason!);
        }

        var file = parsed.Value!;
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var before = await db.OptedOutPatients.CountAsync(cancellationToken);
        await db.OptedOutPatients.ExecuteDeleteAsync(cancellationToken);
        db.OptedOutPatients.AddRange(file.NhsNumbers.Select(n => new OptedOutPatient(n)));
        var import = new OptOutImport(file.NhsNumbers.Count, file.Lines, file.Repeats, before);
        db.Audit(actor, AuditAction.OptOutsImported, now,
            $"National data opt-out list imported: {import.Patients} patients ({import.Lines} lines, {import.Repeats} repeated); " +
                $"the list held {import.Before} before");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<OptOutImport>.Accepted(import);
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.OptedOutPatients.CountAsync(cancellationToken);
    }
}
