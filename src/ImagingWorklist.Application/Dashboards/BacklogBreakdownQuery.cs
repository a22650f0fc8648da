using System.Linq.Expressions;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Application.Worklist;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Dashboards;

/// <summary>
/// The open backlog by trust, site, modality, pathway or priority: age bands from the examination (the turnaround clock's
/// start), exams unclaimed for too long, exams at risk of breaching in the next 4, 24 and 72 hours, and those already
/// breached. Counted by the database; each number opens to its exams.
/// </summary>
public sealed class BacklogBreakdownQuery(IDbContextFactory<WorklistDbContext> contexts, TimeProvider clock)
{
    /// <summary>Ready and nobody has claimed it for this long: worth a manager's look.</summary>
    public static readonly TimeSpan UnassignedAfter = TimeSpan.FromHours(4);

    public const int MaxExams = 500;

    public async Task<BacklogBreakdown> BreakdownAsync(BacklogDimension by, AccessScope scope,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = (await scope.ExamsAsync(db, now, cancellationToken)).Where(e => OpenExamsQuery.OpenStates.Contains(e.State));
        var rows = by switch
        {
            BacklogDimension.Trust => await CountAsync(open, e => e.TrustId, now, cancellationToken),
            BacklogDimension.Site => await CountAsync(open, e => e.SiteId, now, cancellationToken),
            BacklogDimension.Modality => await CountAsync(open, e => e.Modality, now, cancellationToken),
            BacklogDimension.Pathway => await CountAsync(open, e => e.Pathway, now, cancellationToken),
            _ => await CountAsync(open, e => e.Priority, now, cancellationToken),
        };

        var names = by switch
        {
            BacklogDimension.Trust => await db.Trusts.AsNoTracking()
                .ToDictionaryAsync(t => t.Id.ToString(), t => t.Name, cancellationToken),
            BacklogDimension.Site => await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id.ToString(), s => s.Name, cancellationToken),
            _ => [],
        };
        return new BacklogBreakdown(now, by, [.. rows
            .Select(r => new BacklogLine(r.Key, names.GetValueOrDefault(r.Key, r.Key), r.Counts))
            .OrderBy(l => by is BacklogDimension.Trust or BacklogDimension.Site ? l.Label : string.Empty, StringComparer.Ordinal)
            .ThenBy(l => by is BacklogDimension.Trust or BacklogDimension.Site ? 0 : Order(by, l.Key))]);
    }

    /// <summary>The exams behind one number (at most <see cref="MaxExams"/>), most overdue first.</summary>
    public async Task<IReadOnlyList<BacklogExam>> ExamsAsync(BacklogDimension by, string key, BacklogMeasure measure, AccessScope scope,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var exams = (await scope.ExamsAsync(db, now, cancellationToken)).Where(e => OpenExamsQuery.OpenStates.Contains(e.State));
        exams = by switch
        {
            BacklogDimension.Trust when Guid.TryParse(key, out var trust) => exams.Where(e => e.TrustId == trust),
            BacklogDimension.Site when Guid.TryParse(key, out var site) => exams.Where(e => e.SiteId == site),
            BacklogDimension.Modality when Enum.TryParse<Modality>(key, out var modality) => exams.Where(e => e.Modality == modality),
            BacklogDimension.Pathway when Enum.TryParse<Pathway>(key, out var pathway) => exams.Where(e => e.Pathway == pathway),
            BacklogDimension.Priority when Enum.TryParse<ClinicalPriority>(key,
                out var priority) => exams.Where(e => e.Priority == priority),
            _ => exams.Where(e => false),
        };
        var rows = await (
            from e in exams.Where(Matches(measure, now))
            join s in db.Sites on e.SiteId equals s.Id
            orderby e.DueAt
            select new { e.Id, e.Accession, e.ProcedureDescription, SiteName = s.Name, e.Pathway, e.Priority, e.State,
                Start = e.PerformedAt ?? e.ReadyAt ?? e.OrderedAt, e.DueAt })
            .Take(MaxExams)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r =>
            new BacklogExam(r.Id, r.Accession.Value, r.ProcedureDescription, r.SiteName, r.Pathway, r.Priority, r.State, r.Start,
            r.DueAt))];
    }

    /// <summary>Which open exams a measure counts, as a database predicate (shared by the counts and the drill-down).</summary>
    public static Expression<Func<Exam, bool>> Matches(BacklogMeasure measure, DateTimeOffset now)
    {
        var (d1, d3, d7, d14, d28) = (now.AddDays(-1), now.AddDays(-3), now.AddDays(-7), now.AddDays(-14), now.AddDays(-28));
        var unassignedSince = now - UnassignedAfter;
        var (h4, h24, h72) = (now.AddHours(4), now.AddHours(24), now.AddHours(72));
        return measure switch
        {
            BacklogMeasure.Under24Hours => e => (e.PerformedAt ?? e.ReadyAt ?? e.OrderedAt) > d1,
            BacklogMeasure.OneToThreeDays => e => (e.PerformedAt ?? e.ReadyAt ?? e.OrderedAt) <= d1
                && (e.PerformedAt ?? e.ReadyAt ?? e.OrderedAt) > d3,
            BacklogMeasure.ThreeToSevenDays => e => (e.PerformedAt ?? e.ReadyAt ?? e.OrderedAt) <= d3
                && (e.PerformedAt ?? e.ReadyAt ?? e.OrderedAt) > d7,
            BacklogMeasure.OneToTwoWeeks => e => (e.PerformedAt ?? e.ReadyAt ?? e.OrderedAt) <= d7
                && (e.PerformedAt ?? e.ReadyAt ?? e.OrderedAt) > d14,
            BacklogMeasure.TwoToFourWeeks => e => (e.PerformedAt ?? e.ReadyAt ?? e.OrderedAt) <= d14
                && (e.PerformedAt ?? e.ReadyAt ?? e.OrderedAt) > d28,
            BacklogMeasure.OverFourWeeks => e => (e.PerformedAt ?? e.ReadyAt ?? e.OrderedAt) <= d28,
            BacklogMeasure.Unassigned => e => e.State == ExamState.Ready && e.ReadyAt <= unassignedSince,
            BacklogMeasure.AtRisk4Hours => e => e.DueAt >= now && e.DueAt < h4,
            BacklogMeasure.AtRisk24Hours => e => e.DueAt >= now && e.DueAt < h24,
            BacklogMeasure.AtRisk72Hours => e => e.DueAt >= now && e.DueAt < h72,
            BacklogMeasure.Breached => e => e.DueAt < now,
            _ => e => true,
        };
    }

    private static async Task<List<(string Key, Dictionary<BacklogMeasure, int> Counts)>> CountAsync<TKey>(
        IQueryable<Exam> open, Expression<Func<Exam, TKey>> key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Every measure counted in one pass over the open exams (COUNT(CASE WHEN …) per measure), each with the very
        // predicate the drill-down uses, so a number and the list it opens cannot disagree.
        var counts = await open.GroupBy(key).Select(Counting<TKey>(now)).ToListAsync(cancellationToken);
        var measures = Enum.GetValues<BacklogMeasure>();
        return [.. counts.Select(c => (c.Key!.ToString()!, measures.ToDictionary(m => m, m => c.Of((int)m))))];
    }

    /// <summary>g => new Counted { Key = g.Key, M0 = g.Count(Matches(measure 0)), … }, built from <see cref="Matches"/>.</summary>
    private static Expression<Func<IGrouping<TKey, Exam>, Counted<TKey>>> Counting<TKey>(DateTimeOffset now)
    {
        var group = Expression.Parameter(typeof(IGrouping<TKey, Exam>), "g");
        var count = typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Count) && m.GetParameters().Length == 2)
            .MakeGenericMethod(typeof(Exam));
        var bindings =
            new List<MemberBinding> { Expression.Bind(typeof(Counted<TKey>).GetProperty(nameof(Counted<TKey>.Key))!,
            Expression.Property(group, nameof(IGrouping<TKey, Exam>.Key))) };
        foreach (var measure in Enum.GetValues<BacklogMeasure>())
        {
            bindings.Add(
                Expression.Bind(typeof(Counted<TKey>).GetProperty($"M{(int)measure}")!,
                Expression.Call(count, group, Matches(measure, now))));
        }

        return Expression.Lambda<Func<IGrouping<TKey, Exam>,
            Counted<TKey>>>(Expression.MemberInit(Expression.New(typeof(Counted<TKey>)), bindings), group);
    }

    /// <summary>One line's counts, a property per measure (a measure added without its property fails every backlog query).</summary>
    internal sealed class Counted<TKey>
    {
        public TKey Key { get; init; } = default!;

        public int M0 { get; init; }

        public int M1 { get; init; }

        public int M2 { get; init; }

        public int M3 { get; init; }

        public int M4 { get; init; }

        public int M5 { get; init; }

        public int M6 { get; init; }

        public int M7 { get; init; }

        public int M8 { get; init; }

        public int M9 { get; init; }

        public int M10 { get; init; }

        public int M11 { get; init; }

        public int Of(int measure) => measure switch
        {
            0 => M0,
            1 => M1,
            2 => M2,
            3 => M3,
            4 => M4,
            5 => M5,
            6 => M6,
            7 => M7,
            8 => M8,
            9 => M9,
            10 => M10,
            11 => M11,
            _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "Add a property for the new measure."),
        };
    }

    private static int Order(BacklogDimension by, string key) => by switch
    {
        BacklogDimension.Modality => (int)Enum.Parse<Modality>(key),
        BacklogDimension.Pathway => (int)Enum.Parse<Pathway>(key),
        _ => (int)Enum.Parse<ClinicalPriority>(key),
    };
}
