using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Research;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Research;

/// <summary>What a data guardian oversees: requests by state, every extract made with its counts, and the opt-out list.</summary>
public sealed class GuardianDashboard(IDbContextFactory<WorklistDbContext> contexts, TimeProvider clock)
{
    public async Task<GuardianSummary> SummaryAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var requests = await db.DataAccessRequests.AsNoTracking()
            .Select(r => new { r.Id, r.Title, r.ApprovalReference, r.State, r.ExpiresOn }).ToListAsync(cancellationToken);
        var today = Domain.Common.UkCalendar.DayOf(clock.GetUtcNow());
        var byState = Enum.GetValues<DataAccessState>().ToDictionary(s => s, s => requests.Count(r => r.State == s));
        var expired = requests.Count(r => r.State == DataAccessState.Approved && r.ExpiresOn < today);
        var titles = requests.ToDictionary(r => r.Id, r => $"{r.Title} ({r.ApprovalReference})");
        var extracts = await db.ResearchExtracts.AsNoTracking().Where(e => e.Status == ExtractStatus.Ready
            || e.Status == ExtractStatus.Deleted)
            .ToListAsync(cancellationToken);
        var rows = extracts.Where(e => e.FinishedAt is not null).OrderByDescending(e => e.StartedAt)
            .Select(e => new GuardianExtractRow(e.Id, titles.GetValueOrDefault(e.RequestId, "?"), e.MadeBy, e.FinishedAt!.Value, e.Rows,
                e.Patients, e.Suppressed, e.OptedOut, e.Unverifiable, e.Status == ExtractStatus.Deleted))
            .ToList();
        var optedOut = await db.OptedOutPatients.CountAsync(cancellationToken);
        var lastImport = await db.AuditEvents.AsNoTracking().Where(a => a.Action == AuditAction.OptOutsImported)
            .OrderByDescending(a => a.At).Select(a => (DateTimeOffset?)a.At).FirstOrDefaultAsync(cancellationToken);
        return new GuardianSummary(byState, expired, rows, optedOut, lastImport);
    }
}
