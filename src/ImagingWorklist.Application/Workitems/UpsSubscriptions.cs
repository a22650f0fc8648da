using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Workitems;

/// <summary>
/// UPS-RS subscriptions (PS3.18 11.10): subscribe to one workitem (within the caller's trusts) or to all of them,
/// unsubscribe, suspend a global subscription. Kept in the database so every app instance knows them; events go out on
/// the WebSocket the subscriber opens, to whichever instance it connects.
/// </summary>
public sealed class UpsSubscriptions(IDbContextFactory<WorklistDbContext> contexts, TimeProvider clock)
{
    public async Task<Outcome> SubscribeAsync(string owner, string aeTitle, Guid? examId, AccessScope scope,
        CancellationToken cancellationToken = default)
    {
        if (Invalid(aeTitle) is { } reason)
        {
            return Outcome.Rejected(reason);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (examId is { } id && !await (await scope.ExamsAsync(db, clock.GetUtcNow(), cancellationToken))
            .AnyAsync(e => e.Id == id, cancellationToken))
        {
            return Outcome.Rejected("No such workitem.");
        }

        var existing =
            await db.UpsSubscriptions.SingleOrDefaultAsync(s => s.Owner == owner && s.AeTitle == aeTitle && s.ExamId == examId,
            cancellationToken);
        if (existing is not null)
        {
            existing.Suspended = false;
        }
        else
        {
            db.UpsSubscriptions.Add(
                new UpsSubscription { Id = Guid.NewGuid(), Owner = owner, AeTitle = aeTitle, ExamId = examId,
                CreatedAt = clock.GetUtcNow() });
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Accepted;
    }

    /// <summary>Ends one subscription, or for a global one all the caller's subscriptions under that AE title.</summary>
    public async Task<bool> UnsubscribeAsync(string owner, string aeTitle, Guid? examId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ending =
            await db.UpsSubscriptions.Where(s => s.Owner == owner && s.AeTitle == aeTitle && (examId == null || s.ExamId == examId))
            .ToListAsync(cancellationToken);
        db.UpsSubscriptions.RemoveRange(ending);
        await db.SaveChangesAsync(cancellationToken);
        return ending.Count > 0;
    }

    public async Task<bool> SuspendAsync(string owner, string aeTitle, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var global =
            await db.UpsSubscriptions.SingleOrDefaultAsync(s => s.Owner == owner && s.AeTitle == aeTitle && s.ExamId == null,
            cancellationToken);
        if (global is null)
        {
            return false;
        }

        global.Suspended = true;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Who hears about a change to this workitem: its own subscribers and every unsuspended global one, in one query.</summary>
    public async Task<IReadOnlySet<(string Owner, string AeTitle)>> ListeningToAsync(Guid examId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.UpsSubscriptions.AsNoTracking()
            .Where(s => s.ExamId == examId || (s.ExamId == null && !s.Suspended))
            .Select(s => new { s.Owner, s.AeTitle })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Owner, r.AeTitle)).ToHashSet();
    }

    /// <summary>
    /// The exam's state and, of the open event channels, those that hear of it: subscribed to it (or globally) and
    /// allowed to see its trust. Null when the exam no longer exists.
    /// </summary>
    public async Task<UpsStateEvent?> StateEventAsync(
        Guid examId,
        IReadOnlyCollection<(string Owner, string AeTitle, AccessScope Scope)> channels,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var exam = await db.Exams.AsNoTracking().Where(e => e.Id == examId).Select(e => new { e.State, e.TrustId })
            .SingleOrDefaultAsync(cancellationToken);
        if (exam is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var listening = await ListeningToAsync(examId, cancellationToken);
        var recipients = new HashSet<(string Owner, string AeTitle)>();
        foreach (var (owner, aeTitle, scope) in channels.Where(c => listening.Contains((c.Owner, c.AeTitle))))
        {
            if (await scope.TrustIdsAsync(db, now, cancellationToken) is not { } trusts || trusts.Contains(exam.TrustId))
            {
                recipients.Add((owner, aeTitle));
            }
        }

        return new UpsStateEvent(exam.State, recipients);
    }

    public static string? Invalid(string aeTitle) =>
        string.IsNullOrWhiteSpace(aeTitle) || aeTitle.Length > UpsSubscription.AeTitleMaxLength
            || aeTitle.Any(c => c < 0x20 || c > 0x7e || c == '\\')
            ? $"'{aeTitle}' is not an AE title (1 to {UpsSubscription.AeTitleMaxLength} printable characters, no backslash)."
            : null;
}
