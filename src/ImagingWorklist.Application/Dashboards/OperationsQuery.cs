using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Interop;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Dashboards;

public sealed class OperationsQuery(IDbContextFactory<WorklistDbContext> contexts, TimeProvider clock)
{
    public async Task<OperationsSnapshot> SnapshotAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var today = UkCalendar.DayOf(now);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = db.OutboundReports.AsNoTracking().Where(o => o.Status == DeliveryStatus.Pending);
        var depth = await pending.CountAsync(cancellationToken);
        var oldest = depth == 0 ? (DateTimeOffset?)null : await pending.OrderBy(o => o.CreatedAt).Select(o => (DateTimeOffset?)o.CreatedAt)
            .FirstAsync(cancellationToken);
        var unacknowledged = await db.CriticalFindings.AsNoTracking().CountAsync(f => f.AcknowledgedAt == null, cancellationToken);
        var overdue = await db.FollowUps.AsNoTracking()
            .CountAsync(f => f.Status == FollowUpStatus.Open && f.DueBy < today, cancellationToken);
        return new OperationsSnapshot(depth, oldest is { } at ? now - at : TimeSpan.Zero, unacknowledged, overdue);
    }
}
