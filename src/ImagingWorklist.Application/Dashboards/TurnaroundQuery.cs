using System.Linq.Expressions;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Dashboards;

public sealed class TurnaroundQuery(IDbContextFactory<WorklistDbContext> contexts)
{
    public const int FourWeeksMinutes = 28 * 24 * 60;

    /// <summary>Upper edges of the histogram buckets, in minutes; the last bucket is open.</summary>
    public static readonly int[] Edges =
    [
        15, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 1080, 1440, 2160, 2880, 4320, 5760, 7200, 10080, 14400, 20160, 30240,
            FourWeeksMinutes, 60480,
    ];

    public async Task<TurnaroundReport> ReportAsync(DateTimeOffset from, DateTimeOffset to, AccessScope scope,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cells = await CellsAsync(db, from, to, scope, cancellationToken);
        var names = await db.Trusts.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var rows =
            cells.Select(c => new TurnaroundRow(c.Pathway, c.TrustId, names.GetValueOrDefault(c.TrustId, "unknown"), c.Modality, c.Reported,
            Percentile(c.Histogram, 0.5, c.MaxMinutes), Percentile(c.Histogram, 0.9, c.MaxMinutes), c.MaxMinutes, c.WithinTarget,
                c.OverFourWeeks));
        return new TurnaroundReport(from, to,
            [.. rows.OrderBy(r => r.Pathway).ThenBy(r => r.Modality).ThenBy(r => r.TrustName, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Counts per pathway × trust × modality, with the histogram: everything in a cell adds up, so coarser groupings (a
    /// month's return by setting) are sums of cells, never averages of percentiles.
    /// </summary>
    internal static async Task<List<TurnaroundCell>> CellsAsync(WorklistDbContext db, DateTimeOffset from, DateTimeOffset to,
        AccessScope scope, CancellationToken cancellationToken)
    {
        var reported = (await scope.ExamsAsync(db, to, cancellationToken))
            .Where(e => e.ReportedAt >= from && e.ReportedAt < to && e.TurnaroundMinutes != null
                && (e.State == ExamState.Final || e.State == ExamState.Amended));

        // One pass: counted per cell, histogram bucket and on-time flag; the cell's figures are sums of these.
        var counted = await reported
            .Select(Keyed)
            .GroupBy(x => new { x.Pathway, x.TrustId, x.Modality, x.Bucket, x.Within })
            .Select(g =>
                new { g.Key.Pathway, g.Key.TrustId, g.Key.Modality, g.Key.Bucket, g.Key.Within, Count = g.Count(),
                Max = g.Max(x => x.Minutes) })
            .ToListAsync(cancellationToken);
        var overFrom = Array.IndexOf(Edges, FourWeeksMinutes) + 1;
        return [.. counted
            .GroupBy(c => (c.Pathway, c.TrustId, c.Modality))
            .Select(g =>
            {
                var histogram = new int[Edges.Length + 1];
                foreach (var c in g)
                {
                    histogram[c.Bucket] += c.Count;
                }

                return new TurnaroundCell(g.Key.Pathway, g.Key.TrustId, g.Key.Modality, g.Sum(c => c.Count), g.Max(c => c.Max),
                    g.Where(c => c.Within).Sum(c => c.Count), histogram.Skip(overFrom).Sum(), histogram);
            })];
    }

    /// <summary>The p-th percentile from bucket counts, interpolated linearly within its bucket (the open last bucket ends at the
    /// maximum).</summary>
    public static double Percentile(IReadOnlyList<int> counts, double p, int max)
    {
        var total = counts.Sum();
        if (total == 0)
        {
            return 0;
        }

        var rank = p * total;
        var seen = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] == 0 || seen + counts[i] < rank)
            {
                seen += counts[i];
                continue;
            }

            var low = i == 0 ? 0 : Edges[i - 1];
            var high = Math.Min(i < Edges.Length ? Edges[i] : max, max);
            return low + ((high - low) * (rank - seen) / counts[i]);
        }

        return max;
    }

    /// <summary>
    /// Each exam with the histogram bucket of its turnaround, as an expression tree the database evaluates (a CASE over
    /// the edges), built from <see cref="Edges"/> so the edges live in one place.
    /// </summary>
    private static readonly Expression<Func<Exam, HistogramEntry>> Keyed = BuildKeyed();

    private static Expression<Func<Exam, HistogramEntry>> BuildKeyed()
    {
        var exam = Expression.Parameter(typeof(Exam), "e");
        var minutes = Expression.Property(Expression.Property(exam, nameof(Exam.TurnaroundMinutes)), nameof(Nullable<int>.Value));
        Expression bucket = Expression.Constant(Edges.Length);
        for (var i = Edges.Length - 1; i >= 0; i--)
        {
            bucket =
                Expression.Condition(Expression.LessThanOrEqual(minutes, Expression.Constant(Edges[i])), Expression.Constant(i), bucket);
        }

        var entry = Expression.MemberInit(
            Expression.New(typeof(HistogramEntry)),
            Expression.Bind(typeof(HistogramEntry).GetProperty(nameof(HistogramEntry.Pathway))!,
                Expression.Property(exam, nameof(Exam.Pathway))),
            Expression.Bind(typeof(HistogramEntry).GetProperty(nameof(HistogramEntry.TrustId))!,
                Expression.Property(exam, nameof(Exam.TrustId))),
            Expression.Bind(typeof(HistogramEntry).GetProperty(nameof(HistogramEntry.Modality))!,
                Expression.Property(exam, nameof(Exam.Modality))),
            Expression.Bind(typeof(HistogramEntry).GetProperty(nameof(HistogramEntry.Bucket))!, bucket),
            Expression.Bind(typeof(HistogramEntry).GetProperty(nameof(HistogramEntry.Minutes))!, minutes),
            Expression.Bind(
                typeof(HistogramEntry).GetProperty(nameof(HistogramEntry.Within))!,
                Expression.LessThanOrEqual(Expression.Property(exam, nameof(Exam.ReportedAt)),
                    Expression.Convert(Expression.Property(exam, nameof(Exam.DueAt)), typeof(DateTimeOffset?)), liftToNull: false,
                    method: null)));
        return Expression.Lambda<Func<Exam, HistogramEntry>>(entry, exam);
    }

    private sealed class HistogramEntry
    {
        public Pathway Pathway { get; init; }

        public Guid TrustId { get; init; }

        public Modality Modality { get; init; }

        public int Bucket { get; init; }

        public int Minutes { get; init; }

        public bool Within { get; init; }
    }
}
