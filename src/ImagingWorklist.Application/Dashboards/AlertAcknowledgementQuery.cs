using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Dashboards;

public sealed class AlertAcknowledgementQuery(IDbContextFactory<WorklistDbContext> contexts)
{
    public async Task<IReadOnlyList<AlertAcknowledgementRow>> RowsAsync(DateTimeOffset from, DateTimeOffset to, AccessScope scope,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var findings = db.CriticalFindings.AsNoTracking().Where(f => f.RaisedAt >= from && f.RaisedAt < to);
        if (await scope.TrustIdsAsync(db, to, cancellationToken) is { } trusts)
        {
            findings = findings.Where(f => trusts.Contains(f.TrustId));
        }

        // Alerts are tens a day across a network: a period's rows are read and counted here, exactly.
        var rows = await (
            from f in findings
            join t in db.Trusts on f.TrustId equals t.Id
            select new { TrustName = t.Name, f.Category, f.RaisedAt, f.CommunicatedAt, f.AcknowledgeBy, f.AcknowledgedAt, f.EscalatedAt })
            .ToListAsync(cancellationToken);
        return [.. rows
            .GroupBy(r => (r.TrustName, r.Category))
            .OrderBy(g => g.Key.TrustName, StringComparer.Ordinal).ThenBy(g => g.Key.Category)
            .Select(g =>
            {
                var minutes = g.Where(r => r.AcknowledgedAt is not null)
                    .Select(r => (r.AcknowledgedAt!.Value - (r.CommunicatedAt < r.RaisedAt ? r.CommunicatedAt.Value : r.RaisedAt))
                        .TotalMinutes)
                    .Order()
                    .ToList();
                return new AlertAcknowledgementRow(
                    g.Key.TrustName,
                    g.Key.Category,
                    g.Count(),
                    minutes.Count,
                    g.Count(r => r.AcknowledgedAt is not null || r.AcknowledgeBy <= to),
                    g.Count(r => r.AcknowledgedAt is { } at && at <= r.AcknowledgeBy),
                    g.Count(r => r.EscalatedAt is not null),
                    g.Count(r => r.AcknowledgedAt is null),
                    Percentile.NearestRank(minutes, 0.5),
                    Percentile.NearestRank(minutes, 0.9));
            })];
    }
}
