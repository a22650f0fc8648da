using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Ai;

/// <summary>
/// How an algorithm did, per trust and month (of the result's arrival, UK calendar), against what the radiologists said
/// at signing: what a network needs to decide whether to switch it from silent to live.
/// </summary>
/// <remarks>
/// Time gained for a true positive: when live, the mean turnaround of comparable exams (same trust, pathway and priority,
/// reported in the same span, not flagged) less the flagged exam's own turnaround; when silent, the minutes from the
/// result's arrival to the report, the most that ranking it as an emergency could have saved. The queue cost of a false
/// positive is its expected reading minutes, put (live) or that would have been put (silent) in front of other work.
/// </remarks>
public sealed class AiPerformance(IDbContextFactory<WorklistDbContext> contexts, TimeProvider clock)
{
    public async Task<IReadOnlyList<AiPerformanceRow>> ForAsync(Guid algorithmId, AccessScope scope,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var trustIds = await scope.TrustIdsAsync(db, clock.GetUtcNow(), cancellationToken);
        var results = await (
            from r in db.AiResults.AsNoTracking()
            join e in db.Exams.AsNoTracking() on r.ExamId equals e.Id
            where r.AlgorithmId == algorithmId && (trustIds == null || trustIds.Contains(r.TrustId))
            select new Result(r.TrustId, r.ReceivedAt, r.Live, r.Positive, r.Present, e.Pathway, e.Priority, e.ExpectedReadingMinutes,
                e.ReportedAt, e.TurnaroundMinutes)).ToListAsync(cancellationToken);
        if (results.Count == 0)
        {
            return [];
        }

        var names = await db.Trusts.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var comparable = await ComparableAsync(db, results, cancellationToken);
        return
        [
            .. results.GroupBy(r => (r.TrustId, Month: Month(r.ReceivedAt), r.Live))
                .Select(g => Row(names.GetValueOrDefault(g.Key.TrustId, "(unknown trust)"), g.Key.Month, g.Key.Live, [.. g], comparable))
                .OrderBy(r => r.Trust, StringComparer.Ordinal).ThenBy(r => r.Month).ThenBy(r => r.Live),
        ];
    }

    private static AiPerformanceRow Row(string trust, DateOnly month, bool live, List<Result> results,
        Dictionary<(Guid, Pathway, ClinicalPriority), double> comparable)
    {
        var judged = results.Where(r => r.Present is not null).ToList();
        var truePositives = judged.Where(r => r.Positive && r.Present == true).ToList();
        var falsePositives = judged.Where(r => r.Positive && r.Present == false).ToList();
        var falseNegatives = judged.Count(r => !r.Positive && r.Present == true);
        var gains = truePositives.Select(r => Gained(r, comparable)).OfType<double>().Order().ToList();
        return new AiPerformanceRow(
            trust,
            month,
            live,
            results.Count,
            results.Count(r => r.Positive),
            judged.Count,
            truePositives.Count,
            falsePositives.Count,
            falseNegatives,
            Rate(judged.Count(r => r.Positive == r.Present), judged.Count),
            Rate(truePositives.Count, truePositives.Count + falseNegatives),
            Rate(truePositives.Count, truePositives.Count + falsePositives.Count),
            Median(gains),
            falsePositives.Sum(r => r.ExpectedMinutes));
    }

    private static double? Gained(Result result, Dictionary<(Guid, Pathway, ClinicalPriority), double> comparable)
    {
        if (result.ReportedAt is not { } reported || result.Turnaround is not { } own)
        {
            return null;
        }

        if (!result.Live)
        {
            return Math.Max(0, (reported - result.ReceivedAt).TotalMinutes);
        }

        return comparable.TryGetValue((result.TrustId, result.Pathway, result.Priority), out var mean) ? mean - own : null;
    }

    /// <summary>Mean turnaround of unflagged reported exams like the live true positives, over the span of the results.</summary>
    private static async Task<Dictionary<(Guid, Pathway, ClinicalPriority), double>> ComparableAsync(WorklistDbContext db,
        List<Result> results, CancellationToken cancellationToken)
    {
        var live = results.Where(r => r.Live && r.Positive && r.Present == true && r.ReportedAt is not null).ToList();
        if (live.Count == 0)
        {
            return [];
        }

        var trusts = live.Select(r => r.TrustId).Distinct().ToList();
        var (from, to) = (Midnight(Month(live.Min(r => r.ReceivedAt))), Midnight(Month(live.Max(r => r.ReceivedAt)).AddMonths(1)));
        var rows = await db.Exams.AsNoTracking()
            .Where(e => trusts.Contains(e.TrustId) && e.AiFlag == null && e.TurnaroundMinutes != null && e.ReportedAt >= from
                && e.ReportedAt < to)
            .GroupBy(e => new { e.TrustId, e.Pathway, e.Priority })
            .Select(g => new { g.Key.TrustId, g.Key.Pathway, g.Key.Priority, Mean = g.Average(e => (double)e.TurnaroundMinutes!.Value) })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => (r.TrustId, r.Pathway, r.Priority), r => r.Mean);
    }

    private static double? Median(List<double> sorted) =>
        sorted.Count == 0 ? null
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

    private static double? Rate(int numerator, int denominator) => denominator == 0 ? null : (double)numerator / denominator;

    private static DateOnly Month(DateTimeOffset at)
    {
        var day = UkCalendar.DayOf(at);
        return new DateOnly(day.Year, day.Month, 1);
    }

    private static DateTimeOffset Midnight(DateOnly day) => UkCalendar.Midnight(day);

    private sealed record Result(
        Guid TrustId,
        DateTimeOffset ReceivedAt,
        bool Live,
        bool Positive,
        bool? Present,
        Pathway Pathway,
        ClinicalPriority Priority,
        int ExpectedMinutes,
        DateTimeOffset? ReportedAt,
        int? Turnaround);
}
