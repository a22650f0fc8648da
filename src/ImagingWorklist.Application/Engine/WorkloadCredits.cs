using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Engine;

/// <summary>
/// Workload credit read from what is stored (decision 0025), so it lasts across shifts, days, sign-out and restarts:
/// reports are credited to whoever first signed them (the registrar, for verified work), at the catalogue's expected
/// minutes; capacity is each shift's reading capacity in proportion to the part of it inside the window.
/// </summary>
public static class WorkloadCredits
{
    public static async Task<Dictionary<Guid, WorkloadCredit>> ReadAsync(WorklistDbContext db, Guid? only, DateTimeOffset from,
        DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (start, end) = (from, to);
        var signed = await (
                from r in db.Reports
                where r.AddendumToId == null && (r.SubmittedById ?? r.SignedById) != null
                    && ((r.SubmittedAt >= start && r.SubmittedAt < end)
                        || (r.SubmittedAt == null && r.SignedAt >= start && r.SignedAt < end))
                join e in db.Exams on r.ExamId equals e.Id
                let reporter = (r.SubmittedById ?? r.SignedById)!.Value
                where only == null || reporter == only
                group e.ExpectedReadingMinutes by reporter into g
                select new { ReporterId = g.Key, Minutes = g.Sum() })
            .ToDictionaryAsync(g => g.ReporterId, g => g.Minutes, cancellationToken);
        var capacity = await CapacityAsync(db, only, start, end, cancellationToken);
        return signed.Keys.Union(capacity.Keys)
            .ToDictionary(id => id,
                id => new WorkloadCredit(signed.GetValueOrDefault(id), (int)Math.Round(capacity.GetValueOrDefault(id))));
    }

    /// <summary>Each reporter's rostered reading capacity in the period: every shift counted for the part of it inside.</summary>
    public static async Task<Dictionary<Guid, double>> CapacityAsync(WorklistDbContext db, Guid? only, DateTimeOffset from,
        DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var shifts = await db.RotaShifts.AsNoTracking()
            .Where(s => (only == null || s.ReporterId == only) && s.End > from && s.Start < to)
            .Select(s => new { s.ReporterId, s.Start, s.End, s.CapacityMinutes })
            .ToListAsync(cancellationToken);
        return shifts
            .GroupBy(s => s.ReporterId)
            .ToDictionary(g => g.Key, g => g.Sum(s =>
            {
                var inside = (s.End < to ? s.End : to) - (s.Start > from ? s.Start : from);
                return s.CapacityMinutes * Math.Clamp(inside / (s.End - s.Start), 0, 1);
            }));
    }
}
