using ImagingWorklist.Application.Engine;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Rota;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Dashboards;

public sealed class ReporterActivityQuery(IDbContextFactory<WorklistDbContext> contexts)
{
    private static readonly ShiftKind[] OutOfHours =
        [ShiftKind.OnCallFirst, ShiftKind.OnCallSecond, ShiftKind.OutOfHoursHotReporting, ShiftKind.Teleradiology];

    /// <summary>
    /// Every reporter with work or rota in the period, within the caller's trusts; with <paramref name="only"/>, just that
    /// reporter's row (their own), with the network's figures beside it for comparison.
    /// </summary>
    public async Task<ActivityReport> ReportAsync(DateTimeOffset from, DateTimeOffset to, AccessScope scope, Guid? only = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var (start, end) = (from, to); // "from" is a keyword inside query expressions
        // The period is written per column (not on COALESCE) so each column's index can be used.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var exams = await scope.ExamsAsync(db, to, cancellationToken);
        var signed =
            from r in db.Reports
            where r.AddendumToId == null && (r.SubmittedById ?? r.SignedById) != null
                && ((r.SubmittedAt >= start && r.SubmittedAt < end) || (r.SubmittedAt == null && r.SignedAt >= start && r.SignedAt < end))
            join e in exams on r.ExamId equals e.Id
            select new { ReporterId = (r.SubmittedById ?? r.SignedById)!.Value, At = (r.SubmittedAt ?? r.SignedAt)!.Value, e.RequiredSkill,
                e.ExpectedReadingMinutes };
        var bySkill = await signed
            .GroupBy(s => new { s.ReporterId, s.RequiredSkill })
            .Select(g => new { g.Key.ReporterId, g.Key.RequiredSkill, Reports = g.Count(), Minutes = g.Sum(s => s.ExpectedReadingMinutes) })
            .ToListAsync(cancellationToken);
        var onDuty = await signed
            .Where(s => db.RotaShifts.Any(shift => shift.ReporterId == s.ReporterId && shift.Start <= s.At && shift.End > s.At))
            .GroupBy(s => s.ReporterId)
            .Select(g => new { ReporterId = g.Key, Minutes = g.Sum(s => s.ExpectedReadingMinutes) })
            .ToDictionaryAsync(g => g.ReporterId, g => g.Minutes, cancellationToken);
        var outOfHours = await signed
            .Where(s =>
                db.RotaShifts.Any(shift => shift.ReporterId == s.ReporterId && OutOfHours.Contains(shift.Kind) && shift.Start <= s.At
                && shift.End > s.At))
            .GroupBy(s => s.ReporterId)
            .Select(g => new { ReporterId = g.Key, Minutes = g.Sum(s => s.ExpectedReadingMinutes) })
            .ToDictionaryAsync(g => g.ReporterId, g => g.Minutes, cancellationToken);
        var verified = await (
                from r in db.Reports
                where r.VerifiedById != null && r.VerifiedAt >= start && r.VerifiedAt < end
                join e in exams on r.ExamId equals e.Id
                group r by r.VerifiedById into g
                select new { ReporterId = g.Key!.Value, Count = g.Count() })
            .ToDictionaryAsync(g => g.ReporterId, g => g.Count, cancellationToken);

        // Releases and skips are audited under the signed-in user's name; users name their reporter.
        var trustIds = await scope.TrustIdsAsync(db, to, cancellationToken);
        var signals = await db.AuditEvents
            .Where(a => a.At >= from && a.At < to && (a.Action == AuditAction.Sendback || a.Action == AuditAction.CaseSkipped)
                && (trustIds == null || (a.TrustId != null && trustIds.Contains(a.TrustId.Value))))
            .GroupBy(a => new { a.Actor, a.Action })
            .Select(g => new { g.Key.Actor, g.Key.Action, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var actors = signals.Select(s => s.Actor).Distinct().ToList();
        var reporterOf = await db.Users.Where(u => u.ReporterId != null && actors.Contains(u.UserName!))
            .ToDictionaryAsync(u => u.UserName!, u => u.ReporterId!.Value, cancellationToken);

        // Rostered reading capacity in the period, each shift counted for the part of it inside the period.
        var capacity = await WorkloadCredits.CapacityAsync(db, null, from, to, cancellationToken);

        // What the engine offered when each case was taken: how often the first, and how long what was taken against it.
        var offers = await (
                from o in db.ClaimOffers
                where o.At >= start && o.At < end
                join e in exams on o.ExamId equals e.Id
                group o by o.ReporterId into g
                select new
                {
                    ReporterId = g.Key,
                    Claims = g.Count(),
                    First = g.Count(o => o.Rank == 1),
                    Taken = g.Sum(o => o.TakenMinutes),
                    Offered = g.Sum(o => o.FirstMinutes ?? o.TakenMinutes),
                })
            .ToDictionaryAsync(o => o.ReporterId, cancellationToken);

        var involved = bySkill.Select(b => b.ReporterId).Concat(capacity.Keys).Concat(verified.Keys).Concat(reporterOf.Values)
            .Concat(offers.Keys).ToHashSet();
        var reporters = await db.Reporters.AsNoTracking().Where(r => involved.Contains(r.Id)).ToListAsync(cancellationToken);
        var rows = reporters.Select(r =>
        {
            var mine = bySkill.Where(b => b.ReporterId == r.Id).ToList();
            int Signal(AuditAction action)
                => signals.Where(s => s.Action == action && reporterOf.GetValueOrDefault(s.Actor) == r.Id).Sum(s => s.Count);
            return new ActivityRow(
                r.Id,
                r.DisplayName,
                r.Role,
                mine.Sum(m => m.Reports),
                mine.Sum(m => m.Minutes),
                outOfHours.GetValueOrDefault(r.Id),
                onDuty.GetValueOrDefault(r.Id),
                verified.GetValueOrDefault(r.Id),
                Signal(AuditAction.Sendback),
                Signal(AuditAction.CaseSkipped),
                capacity.GetValueOrDefault(r.Id),
                mine.ToDictionary(m => m.RequiredSkill, m => m.Minutes))
            {
                Claims = offers.GetValueOrDefault(r.Id)?.Claims ?? 0,
                TookFirst = offers.GetValueOrDefault(r.Id)?.First ?? 0,
                TakenMinutes = offers.GetValueOrDefault(r.Id)?.Taken ?? 0,
                OfferedMinutes = offers.GetValueOrDefault(r.Id)?.Offered ?? 0,
            };
        }).ToList();

        var utilisation = rows.Where(r => r.Utilisation is not null).Select(r => r.Utilisation!.Value).ToList();
        var mean = utilisation.Count == 0 ? 0 : utilisation.Average();
        var spread = utilisation.Count < 2 || mean == 0 ? 0
            : Math.Sqrt(utilisation.Sum(u => (u - mean) * (u - mean)) / (utilisation.Count - 1)) / mean;
        var reports = rows.Sum(r => r.Reports);
        var releases = rows.Sum(r => r.Releases);
        return new ActivityReport(
            from,
            to,
            [.. rows.Where(r => only is null || r.ReporterId == only).OrderByDescending(r => r.Minutes)
                .ThenBy(r => r.Name, StringComparer.Ordinal)],
            rows.Count,
            reports == 0 ? 0 : (double)rows.Sum(r => r.Minutes) / reports,
            mean,
            spread,
            reports + releases == 0 ? 0 : (double)releases / (reports + releases));
    }
}
