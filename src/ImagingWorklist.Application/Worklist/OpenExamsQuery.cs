using System.Linq.Expressions;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Worklist;

/// <summary>Open exams straight from the database, sorted and paged there (the virtualised grid asks for one window at a time).</summary>
public sealed class OpenExamsQuery(IDbContextFactory<WorklistDbContext> contexts, TimeProvider clock)
{
    public const int MaxPageSize = 500;

    internal static readonly ExamState[] OpenStates =
        [ExamState.Ready, ExamState.Claimed, ExamState.OnHold, ExamState.Preliminary, ExamState.AwaitingVerification];

    /// <summary>One page of the open exams in the caller's scope (a reporter sees only trusts they are credentialed for).</summary>
    public async Task<WorklistPage> PageAsync(WorklistPageRequest request, AccessScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(request.Skip);
        var take = Math.Clamp(request.Take, 1, MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = Rows(db);
        if (await scope.TrustIdsAsync(db, clock.GetUtcNow(), cancellationToken) is { } trusts)
        {
            rows = rows.Where(r => trusts.Contains(r.TrustId));
        }

        var total = await rows.CountAsync(cancellationToken);
        var page = await Sorted(rows, request.SortBy, request.Descending).Skip(request.Skip).Take(take).ToListAsync(cancellationToken);
        return new WorklistPage(ToRows(page), total);
    }

    private static IQueryable<Projection> Rows(WorklistDbContext db) =>
        from e in db.Exams.AsNoTracking()
        where OpenStates.Contains(e.State)
        join s in db.Sites on e.SiteId equals s.Id
        join t in db.Trusts on e.TrustId equals t.Id
        join r in db.Reporters on e.ClaimedById equals r.Id into holders
        from holder in holders.DefaultIfEmpty()
        select new Projection
        {
            ExamId = e.Id,
            TrustId = e.TrustId,
            Accession = e.Accession,
            Priority = e.Priority,
            Urgency = e.Priority == ClinicalPriority.Stat ? 0 : e.Priority == ClinicalPriority.Asap ? 1
                : e.Priority == ClinicalPriority.Urgent ? 2 : 3,
            State = e.State,
            DueAt = e.DueAt,
            TrustName = t.Name,
            SiteName = s.Name,
            Modality = e.Modality,
            ProcedureDescription = e.ProcedureDescription,
            DateOfBirth = e.Patient.DateOfBirth,
            Sex = e.Patient.Sex,
            Pathway = e.Pathway,
            ClaimedBy = holder == null ? null : holder.DisplayName,
            ClaimedAt = e.ClaimedAt,
        };

    /// <summary>The open exams a reporter holds, so they can get back to them.</summary>
    public async Task<IReadOnlyList<WorklistRow>> HeldByAsync(Guid reporterId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Only what they may still open: the same scope as the exam view, so "Your cases" never leads to a dead end.
        var valid = db.Credentials.ValidAt(clock.GetUtcNow());
        var held = await db.Exams.AsNoTracking()
            .Where(e => e.ClaimedById == reporterId && OpenStates.Contains(e.State))
            .Where(e => valid.Any(c => c.ReporterId == reporterId && c.TrustId == e.TrustId))
            .Select(e => e.Id).ToListAsync(cancellationToken);

        // Soonest due first, as the reporter should take them: the one about to breach is never tenth in the list.
        return [.. (await RowsAsync(held, cancellationToken)).OrderBy(r => r.DueAt)];
    }

    /// <summary>Display rows for exams the engine ranked, in the engine's order.</summary>
    public async Task<IReadOnlyList<WorklistRow>> RowsAsync(IReadOnlyList<Guid> examIds, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = (await Rows(db).Where(r => examIds.Contains(r.ExamId)).ToListAsync(cancellationToken)).ToDictionary(r => r.ExamId);
        return ToRows([.. examIds.Where(found.ContainsKey).Select(id => found[id])]);
    }

    private List<WorklistRow> ToRows(List<Projection> page)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return [.. page.Select(r => new WorklistRow(
                r.ExamId,
                r.Accession.Value,
                r.Priority,
                r.State,
                r.DueAt,
                r.TrustName,
                r.SiteName,
                r.Modality,
                r.ProcedureDescription,
                Patient.AgeInYears(r.DateOfBirth, today),
                r.Sex,
                r.Pathway,
                r.ClaimedBy,
                r.ClaimedAt))];
    }

    private static IQueryable<Projection> Sorted(IQueryable<Projection> rows, WorklistSort sort, bool descending)
    {
        // Enums are stored as text, so urgency order is spelled out (Urgency) rather than left to string collation.
        var ordered = sort switch
        {
            WorklistSort.Priority => Order(rows, r => r.Urgency, descending),
            WorklistSort.DueAt => Order(rows, r => r.DueAt, descending),
            WorklistSort.Site => Order(rows, r => r.SiteName, descending),
            WorklistSort.Modality => Order(rows, r => r.Modality, descending),
            WorklistSort.Procedure => Order(rows, r => r.ProcedureDescription, descending),
            WorklistSort.PatientAge => Order(rows, r => r.DateOfBirth, !descending),
            WorklistSort.Pathway => Order(rows, r => r.Pathway, descending),
            _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, null),
        };
        return ordered.ThenBy(r => r.DueAt).ThenBy(r => r.ExamId);
    }

    private static IOrderedQueryable<Projection> Order<TKey>(IQueryable<Projection> rows, Expression<Func<Projection, TKey>> key,
        bool descending) =>
        descending ? rows.OrderByDescending(key) : rows.OrderBy(key);

    private sealed class Projection
    {
        public Guid ExamId { get; init; }

        public Guid TrustId { get; init; }

        public required Domain.Identifiers.AccessionNumber Accession { get; init; }

        public ClinicalPriority Priority { get; init; }

        public int Urgency { get; init; }

        public ExamState State { get; init; }

        public DateTimeOffset DueAt { get; init; }

        public required string TrustName { get; init; }

        public required string SiteName { get; init; }

        public Modality Modality { get; init; }

        public required string ProcedureDescription { get; init; }

        public DateOnly DateOfBirth { get; init; }

        public Sex Sex { get; init; }

        public Pathway Pathway { get; init; }

        public string? ClaimedBy { get; init; }

        public DateTimeOffset? ClaimedAt { get; init; }
    }
}
