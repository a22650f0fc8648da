using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Rota;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Rota;

/// <summary>
/// Job plans: each reporter's recurring weekly sessions (UK local times), their exceptions, and rolling them out into
/// shifts a week at a time. Every change is audited; rolled-out shifts pass the same checks as shifts entered by hand.
/// </summary>
public sealed class JobPlans(IDbContextFactory<WorklistDbContext> contexts, ChangeAnnouncer announce, TimeProvider clock)
{
    public async Task<IReadOnlyList<JobPlanEntry>> JobPlanAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = await db.JobPlanEntries.AsNoTracking().ToListAsync(cancellationToken);
        return [.. entries.OrderBy(e => ((int)e.Day + 6) % 7).ThenBy(e => e.StartTime)];
    }

    /// <summary>Adds a recurring weekly session to a reporter's job plan (times in UK local time).</summary>
    public async Task<Outcome<Guid>> AddJobPlanEntryAsync(
        Guid reporterId, DayOfWeek day, TimeOnly start, TimeOnly end, ShiftKind kind, CoverScope scope, IReadOnlyList<Guid> coveredIds,
            int capacityMinutes, DateOnly validFrom, DateOnly? validTo, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var name = await db.Reporters.Where(r => r.Id == reporterId).Select(r => r.DisplayName).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return Outcome<Guid>.Rejected("There is no such reporter.");
        }

        var created =
            JobPlanEntry.Create(Guid.NewGuid(), reporterId, day, start, end, kind, scope, coveredIds, capacityMinutes, validFrom, validTo);
        if (!created.Succeeded)
        {
            return Outcome<Guid>.Rejected(created.Reason!);
        }

        // The first week it would be rolled out in must pass the same checks as a shift (capacity, credentials).
        var sample = created.Value!.PlanOn(validFrom.AddDays(((int)day - (int)validFrom.DayOfWeek + 7) % 7), UkCalendar.Zone);
        var context = await RotaContexts.ContextAsync(db, reporterId, sample.Start, sample.End, cancellationToken);
        var refusals = RotaChecks.Check(sample, context! with { Shifts = [], Absences = [] }).Where(p => p.Refuses).Select(p => p.Message)
            .ToList();
        if (refusals.Count > 0)
        {
            return Outcome<Guid>.Rejected(string.Join(" ", refusals));
        }

        db.JobPlanEntries.Add(created.Value);
        db.Audit(actor, AuditAction.RotaChanged, clock.GetUtcNow(),
            $"Job plan: {name}, {day}s {start:HH\\:mm}–{end:HH\\:mm}, {RotaChecks.Describe(kind)}");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Accepted(created.Value.Id);
    }

    /// <summary>An exception: the session does not happen on that date.</summary>
    public async Task<Outcome> AddJobPlanExceptionAsync(Guid entryId, DateOnly date, Actor actor,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entry = await db.JobPlanEntries.SingleOrDefaultAsync(e => e.Id == entryId, cancellationToken);
        if (entry is null)
        {
            return Outcome.Rejected("That job plan entry no longer exists.");
        }

        var added = entry.AddException(date);
        if (added.Succeeded)
        {
            db.Audit(actor, AuditAction.RotaChanged, clock.GetUtcNow(), $"Job plan exception on {date:yyyy-MM-dd}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return added;
    }

    public async Task<Outcome> RemoveJobPlanEntryAsync(Guid entryId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entry = await db.JobPlanEntries.SingleOrDefaultAsync(e => e.Id == entryId, cancellationToken);
        if (entry is null)
        {
            return Outcome.Rejected("That job plan entry no longer exists.");
        }

        db.JobPlanEntries.Remove(entry);
        db.Audit(actor, AuditAction.RotaChanged, clock.GetUtcNow(), $"Job plan entry removed ({entry.Day}s)");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Accepted;
    }

    /// <summary>
    /// Turns the job plans into shifts for the seven days from <paramref name="monday"/>. Each session passes the shift
    /// checks against the rota as it stands (so rolling out twice adds nothing, and on-call over leave is left out);
    /// what was left out is reported with why.
    /// </summary>
    public async Task<ImportReport> RollOutJobPlansAsync(DateOnly monday, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = await db.JobPlanEntries.AsNoTracking().ToListAsync(cancellationToken);
        var created = new List<RotaShift>();
        var skipped = new List<ImportProblem>();
        var warnings = new List<ImportProblem>();
        var number = 0;
        foreach (var entry in entries.OrderBy(e => e.ReporterId))
        {
            foreach (var date in entry.DatesFrom(monday, 7))
            {
                number++;
                var plan = entry.PlanOn(date, UkCalendar.Zone);
                var context = await RotaContexts.ContextAsync(db, entry.ReporterId, plan.Start, plan.End, cancellationToken);
                var found = RotaChecks.Check(plan, context! with { Shifts = [.. context.Shifts, .. created] });
                if (found.Where(p => p.Refuses).Select(p => p.Message).ToList() is { Count: > 0 } refusals)
                {
                    skipped.Add(new ImportProblem(number, $"{date:ddd d MMM}: {string.Join(" ", refusals)}"));
                    continue;
                }

                warnings.AddRange(found.Select(p => new ImportProblem(number, $"{date:ddd d MMM}: {p.Message}")));
                created.Add(
                    new RotaShift(Guid.NewGuid(), plan.ReporterId, plan.Kind, plan.Start, plan.End, plan.Scope, plan.CoveredIds,
                    plan.CapacityMinutes));
            }
        }

        if (created.Count > 0)
        {
            db.RotaShifts.AddRange(created);
            db.Audit(actor, AuditAction.RotaChanged, clock.GetUtcNow(),
                $"Job plans rolled out for the week from {monday:yyyy-MM-dd}: {created.Count} shifts");
            await db.SaveChangesAsync(cancellationToken);
            foreach (var reporter in created.Select(s => s.ReporterId).Distinct())
            {
                await announce.RotaAsync(reporter, cancellationToken);
            }
        }

        return new ImportReport(created.Count, skipped, warnings);
    }
}
