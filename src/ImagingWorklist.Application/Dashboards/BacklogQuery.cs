using ImagingWorklist.Application.Security;
using ImagingWorklist.Application.Worklist;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Dashboards;

/// <summary>Backlog and recent turnaround per trust, aggregated by the database rather than in memory.</summary>
public sealed class BacklogQuery(IDbContextFactory<WorklistDbContext> contexts, TimeProvider clock)
{
    /// <summary>The backlog of the trusts in the caller's scope: a manager limited to some trusts sees only theirs.</summary>
    public async Task<BacklogSummary> SummaryAsync(AccessScope scope, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var soon = now.AddHours(24);
        var weekAgo = now.AddDays(-7);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = await scope.TrustIdsAsync(db, now, cancellationToken);
        var exams = visible is null ? db.Exams.AsNoTracking() : db.Exams.AsNoTracking().Where(e => visible.Contains(e.TrustId));
        var open = exams.Where(e => OpenExamsQuery.OpenStates.Contains(e.State));

        var openByTrust = await open
            .GroupBy(e => e.TrustId)
            .Select(g => new
            {
                TrustId = g.Key,
                Open = g.Count(),
                Claimed = g.Count(e => e.State == ExamState.Claimed),
                OnHold = g.Count(e => e.State == ExamState.OnHold),
                Overdue = g.Count(e => e.DueAt < now),
                DueSoon = g.Count(e => e.DueAt >= now && e.DueAt < soon),
            })
            .ToDictionaryAsync(x => x.TrustId, cancellationToken);

        var reportedByTrust = await exams
            .Where(e => e.ReportedAt != null && e.ReportedAt >= weekAgo)
            .GroupBy(e => e.TrustId)
            .Select(g => new { TrustId = g.Key, Reported = g.Count(), OnTime = g.Count(e => e.ReportedAt <= e.DueAt) })
            .ToDictionaryAsync(x => x.TrustId, cancellationToken);

        var trusts = (await db.Trusts.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken))
            .Where(t => visible is null || visible.Contains(t.Id))
            .ToList();
        var modalities = await open
            .GroupBy(e => e.Modality)
            .Select(g => new ModalityBacklog(g.Key, g.Count(), g.Count(e => e.DueAt < now)))
            .ToListAsync(cancellationToken);

        return new BacklogSummary(
            now,
            [.. trusts.Select(t =>
            {
                var o = openByTrust.GetValueOrDefault(t.Id);
                var r = reportedByTrust.GetValueOrDefault(t.Id);
                return new TrustBacklog(t.Id, t.Name, o?.Open ?? 0, o?.Claimed ?? 0, o?.OnHold ?? 0, o?.Overdue ?? 0, o?.DueSoon ?? 0,
                    r?.Reported ?? 0, r?.OnTime ?? 0);
            })],
            [.. modalities.OrderByDescending(m => m.Open)]);
    }
}
