using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Interop;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ImagingWorklist.Application.Delivery;

/// <summary>
/// The report outbox: rows are written with the signature (see <see cref="ReportDocument.Enqueue"/>); the delivery worker
/// takes the due ones, each held by one instance at a time, and records every attempt. A failure is never final: the
/// row waits, doubling its back-off, until the trust's system accepts it or an administrator retries it at once.
/// </summary>
public sealed class DeliveryOutbox(
    IDbContextFactory<WorklistDbContext> contexts,
    ChangeAnnouncer announce,
    DeliverySettings settings,
    TimeProvider clock,
    ILogger<DeliveryOutbox> logger)
{
    /// <summary>Takes up to <paramref name="max"/> due rows for this instance; rows another instance holds are left alone.</summary>
    public async Task<IReadOnlyList<DueReport>> TakeDueAsync(int max, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await db.OutboundReports
            .Where(o => o.Status == DeliveryStatus.Pending && o.NextAttemptAt <= now && (o.LockedUntil == null || o.LockedUntil < now))
            .OrderBy(o => o.NextAttemptAt)
            .Take(max)
            .ToListAsync(cancellationToken);
        var taken = new List<DueReport>();
        foreach (var row in due)
        {
            row.LockedUntil = now + settings.Lock;
            row.Version++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                taken.Add(new DueReport(row.Id, row.Document));
            }
            catch (DbUpdateConcurrencyException)
            {
                db.Entry(row).State = EntityState.Detached;
            }
        }

        return taken;
    }

    public async Task RecordAsync(Guid id, DeliveryAttempt attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.OutboundReports.SingleAsync(o => o.Id == id, cancellationToken);
        row.Attempts++;
        row.LastAttemptAt = now;
        row.Endpoint = Clip(attempt.Endpoint, OutboundReport.EndpointMaxLength);
        row.Response = Clip(attempt.Response, OutboundReport.ErrorMaxLength);
        row.LockedUntil = null;
        row.Version++;
        if (attempt.Delivered)
        {
            row.Status = DeliveryStatus.Delivered;
            row.DeliveredAt = now;
            row.LastError = null;
            db.Audit(Actor.System, AuditAction.ReportDelivered, now, $"{row.Kind} report delivered to {row.Endpoint}", examId: row.ExamId,
                trustId: row.TrustId);
            logger.LogInformation("{Kind} report {OutboxId} for exam {ExamId} delivered after {Attempts} attempt(s)", row.Kind, row.Id,
                row.ExamId, row.Attempts);
        }
        else
        {
            row.LastError = Clip(attempt.Error, OutboundReport.ErrorMaxLength);
            row.NextAttemptAt = now + settings.BackoffAfter(row.Attempts);
            if (row.Attempts == 1)
            {
                db.Audit(Actor.System, AuditAction.ReportDeliveryFailed, now, $"{row.Kind} report not yet delivered; retrying",
                    examId: row.ExamId, trustId: row.TrustId, reason: row.LastError);
            }

            logger.LogWarning("{Kind} report {OutboxId} for exam {ExamId} not delivered (attempt {Attempts}): {Error}; next try at {Next}",
                row.Kind, row.Id, row.ExamId, row.Attempts, row.LastError, row.NextAttemptAt);
        }

        await db.SaveChangesAsync(cancellationToken);
        await announce.ReportingAsync(row.ExamId, cancellationToken: cancellationToken);
    }

    /// <summary>An administrator asks for the next attempt now (after fixing the endpoint, say).</summary>
    public async Task<Outcome> RetryNowAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.OutboundReports.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (row is null)
        {
            return Outcome.Rejected("There is no such delivery.");
        }

        if (row.Status == DeliveryStatus.Delivered)
        {
            return Outcome.Rejected("This report was already delivered.");
        }

        row.NextAttemptAt = now;
        row.Version++;
        db.Audit(actor, AuditAction.MessageReprocessed, now, $"{row.Kind} report delivery retried now", examId: row.ExamId,
            trustId: row.TrustId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Rejected("The delivery is being attempted right now; look again in a moment.");
        }

        return Outcome.Accepted;
    }

    /// <summary>The administrators' view: everything not yet delivered first, then the most recent deliveries.</summary>
    public async Task<IReadOnlyList<OutboxRow>> ListAsync(bool undeliveredOnly, int take = 200,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = db.OutboundReports.AsNoTracking();
        if (undeliveredOnly)
        {
            rows = rows.Where(o => o.Status == DeliveryStatus.Pending);
        }

        var list = await (
            from o in rows
            join e in db.Exams on o.ExamId equals e.Id
            join t in db.Trusts on o.TrustId equals t.Id
            orderby (o.Status == DeliveryStatus.Pending ? 0 : 1), o.CreatedAt descending
            select new { o, e.Accession, t.Name })
            .Take(take)
            .ToListAsync(cancellationToken);
        return [.. list.Select(x =>
            new OutboxRow(x.o.Id, x.o.ExamId, x.Accession.Value, x.Name, x.o.Kind, x.o.Status, x.o.Attempts, x.o.CreatedAt,
            x.o.NextAttemptAt, x.o.DeliveredAt, x.o.Endpoint, x.o.LastError))];
    }

    private static string? Clip(string? text, int max) => text is { Length: > 0 } && text.Length > max ? text[..max] : text;
}
