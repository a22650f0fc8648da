using ImagingWorklist.Application.Engine;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Rota;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Rota;

/// <summary>Is the network covered, hour by hour, for every skill its procedures need at every trust; and is there enough time
/// rostered?</summary>
public sealed class CoverQuery(IDbContextFactory<WorklistDbContext> contexts)
{
    public const int Week = 7 * 24;

    /// <summary>The gaps, the ones that will leave the most work waiting first (then the soonest).</summary>
    public async Task<IReadOnlyList<GapRow>> GapsAsync(DateTimeOffset from, int hours = Week, int weeksOfHistory = 4,
        CancellationToken cancellationToken = default)
    {
        from = Hour(from);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reporters = await WorklistEngineHost.LoadReportersAsync(db, null, from, cancellationToken);
        var trusts = await db.Trusts.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var sites = (await db.Sites.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(s => s.TrustId, s => s.Id);
        var skills = (await db.Procedures.AsNoTracking().Select(p => p.RequiredSkill).Distinct().ToListAsync(cancellationToken))
            .OrderBy(s => s).ToList();
        var names = trusts.ToDictionary(t => t.Id, t => t.Name);
        var gaps = CoverGaps.Find(reporters, [.. trusts.Select(t => new CoverTrust(t.Id, [.. sites[t.Id]]))], skills, from, hours);
        if (gaps.Count == 0)
        {
            return [];
        }

        var since = from.AddDays(-7 * weeksOfHistory);
        var arrivals = await db.Exams.AsNoTracking()
            .Where(e => e.ReadyAt >= since && e.ReadyAt < from)
            .Select(e => new { e.TrustId, e.RequiredSkill, e.ReadyAt, e.ExpectedReadingMinutes })
            .ToListAsync(cancellationToken);
        var demand = new Dictionary<(Guid, Skill), double[]>();
        foreach (var arrival in arrivals)
        {
            var hoursOfWeek = demand.TryGetValue((arrival.TrustId, arrival.RequiredSkill), out var found) ? found
                : demand[(arrival.TrustId, arrival.RequiredSkill)] = new double[Week];
            hoursOfWeek[HourOfWeek(arrival.ReadyAt!.Value, from)] += arrival.ExpectedReadingMinutes / (double)weeksOfHistory;
        }

        double Expected(CoverGap gap) => demand.TryGetValue((gap.TrustId, gap.Skill), out var hoursOfWeek)
            ? Enumerable.Range(0, (int)Math.Ceiling((gap.End - gap.Start).TotalHours))
                .Sum(h => hoursOfWeek[HourOfWeek(gap.Start.AddHours(h), from)])
            : 0;

        return [.. gaps.Select(g => new GapRow(g.Skill, g.TrustId, names[g.TrustId], g.Start, g.End, Math.Round(Expected(g), 1)))
            .OrderByDescending(g => g.ExpectedMinutes).ThenBy(g => g.Start).ThenBy(g => g.TrustName, StringComparer.Ordinal)
                .ThenBy(g => g.Skill)];
    }

    /// <summary>
    /// Demand: the expected reading minutes of exams that became ready in the same hour of the week over the past
    /// <paramref name="weeksOfHistory"/> weeks, averaged. Capacity: each shift's reading minutes spread evenly over its
    /// hours, less any hour its holder is on leave.
    /// </summary>
    public async Task<IReadOnlyList<DemandHour>> DemandAsync(DateTimeOffset from, int hours = Week, int weeksOfHistory = 4,
        CancellationToken cancellationToken = default)
    {
        from = Hour(from);
        var to = from.AddHours(hours);
        var since = from.AddDays(-7 * weeksOfHistory);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var arrivals = await db.Exams.AsNoTracking()
            .Where(e => e.ReadyAt >= since && e.ReadyAt < from)
            .Select(e => new { e.ReadyAt, e.ExpectedReadingMinutes })
            .ToListAsync(cancellationToken);
        var byHourOfWeek = new double[Week];
        foreach (var arrival in arrivals)
        {
            byHourOfWeek[HourOfWeek(arrival.ReadyAt!.Value, from)] += arrival.ExpectedReadingMinutes;
        }

        var shifts = await db.RotaShifts.AsNoTracking().Where(s => s.Start < to && s.End > from).ToListAsync(cancellationToken);
        var absences = (await db.Absences.AsNoTracking().Where(a => a.Start < to && a.End > from).ToListAsync(cancellationToken))
            .ToLookup(a => a.ReporterId);
        var capacity = new double[hours];
        foreach (var shift in shifts)
        {
            var perHour = shift.CapacityMinutes / (shift.End - shift.Start).TotalHours;
            for (var h = 0; h < hours; h++)
            {
                var (start, end) = (from.AddHours(h), from.AddHours(h + 1));
                var overlap = (Min(end, shift.End) - Max(start, shift.Start)).TotalHours;
                if (overlap > 0 && !absences[shift.ReporterId].Any(a => a.Overlaps(start, end)))
                {
                    capacity[h] += perHour * overlap;
                }
            }
        }

        return [.. Enumerable.Range(0, hours)
            .Select(h => new DemandHour(from.AddHours(h), byHourOfWeek[h % Week] / weeksOfHistory, Math.Round(capacity[h], 1)))];
    }

    /// <summary>Which of the coming week's hours (0 = the hour at <paramref name="from"/>) the moment falls on, by hour of the
    /// week.</summary>
    private static int HourOfWeek(DateTimeOffset at, DateTimeOffset from) => (int)(((at - from).TotalHours % Week + Week) % Week);

    private static DateTimeOffset Hour(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
