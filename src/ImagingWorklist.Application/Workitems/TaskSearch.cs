using ImagingWorklist.Application.Security;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Workitems;

/// <summary>Searches exams as FHIR Tasks within the caller's trusts, newest change first; the database does the filtering.</summary>
public sealed class TaskSearch(IDbContextFactory<WorklistDbContext> contexts, TimeProvider clock)
{
    public const int MaxCount = 500;

    public async Task<(IReadOnlyList<TaskItem> Items, int Total)> SearchAsync(TaskCriteria criteria, AccessScope scope,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var exams = await scope.ExamsAsync(db, clock.GetUtcNow(), cancellationToken);
        if (criteria.States.Count > 0)
        {
            var states = criteria.States.ToList();
            exams = exams.Where(e => states.Contains(e.State));
        }

        if (criteria.Priorities.Count > 0)
        {
            var priorities = criteria.Priorities.ToList();
            exams = exams.Where(e => priorities.Contains(e.Priority));
        }

        if (criteria.ExamId is { } examId)
        {
            exams = exams.Where(e => e.Id == examId);
        }

        if (criteria.OwnerReporterId is { } owner)
        {
            exams = exams.Where(e => e.ClaimedById == owner);
        }

        if (criteria.UpdatedFrom is { } from)
        {
            exams = exams.Where(e => e.UpdatedAt >= from);
        }

        if (criteria.UpdatedBefore is { } before)
        {
            exams = exams.Where(e => e.UpdatedAt < before);
        }

        var total = await exams.CountAsync(cancellationToken);
        var rows = await (
            from e in exams.OrderByDescending(e => e.UpdatedAt).ThenBy(e => e.Id).Skip(criteria.Offset)
                .Take(Math.Clamp(criteria.Count, 1, MaxCount))
            join t in db.Trusts on e.TrustId equals t.Id
            join r in db.Reporters on e.ClaimedById equals r.Id into owners
            from o in owners.DefaultIfEmpty()
            select new { e.Id, e.Accession, t.OdsCode, e.State, e.Priority, e.ProcedureCode, e.ProcedureDescription, e.OrderedAt,
                e.UpdatedAt, e.DueAt, e.ClaimedById, Owner = o == null ? null : o.DisplayName })
            .ToListAsync(cancellationToken);
        return ([
            .. rows.Select(r =>
            new TaskItem(r.Id, r.Accession.Value, r.OdsCode.Value, r.State, r.Priority, r.ProcedureCode, r.ProcedureDescription,
            r.OrderedAt, r.UpdatedAt, r.DueAt, r.ClaimedById, r.Owner))], total);
    }
}
