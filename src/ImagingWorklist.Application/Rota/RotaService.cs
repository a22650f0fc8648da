using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Rota;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Rota;

/// <summary>
/// Rota changes by coordinators: shifts, leave, CSV import and export. Every change is checked
/// (<see cref="RotaChecks"/>), audited, and announced, so the engine's eligibility, capacity and out-of-hours routing
/// follow at once on every instance and open worklists refresh.
/// </summary>
public sealed class RotaService(IDbContextFactory<WorklistDbContext> contexts, ChangeAnnouncer announce, TimeProvider clock)
{

    public async Task<Outcome<RotaChanged>> SaveShiftAsync(ShiftDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var context = await RotaContexts.ContextAsync(db, draft.ReporterId, draft.Start, draft.End, cancellationToken);
        if (context is null)
        {
            return Outcome<RotaChanged>.Rejected("There is no such reporter.");
        }

        var problems = RotaChecks.Check(draft.Plan, context);
        if (problems.Where(p => p.Refuses).Select(p => p.Message).ToList() is { Count: > 0 } refusals)
        {
            return Outcome<RotaChanged>.Rejected(string.Join(" ", refusals));
        }

        RotaShift shift;
        string verb;
        if (draft.Id is { } id)
        {
            shift = await db.RotaShifts.SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
                ?? throw new InvalidOperationException("No such shift.");
            if (shift.ReporterId != draft.ReporterId)
            {
                return Outcome<RotaChanged>.Rejected("A shift cannot be moved to another person; remove it and add theirs.");
            }

            shift.Reschedule(draft.Kind, draft.Start, draft.End, draft.Scope, draft.CoveredIds, draft.CapacityMinutes);
            verb = "changed";
        }
        else
        {
            shift = new RotaShift(Guid.NewGuid(), draft.ReporterId, draft.Kind, draft.Start, draft.End, draft.Scope, draft.CoveredIds,
                draft.CapacityMinutes);
            db.RotaShifts.Add(shift);
            verb = "added";
        }

        await CommitAsync(db, draft.ReporterId, actor,
            $"Shift {verb}: {context.ReporterName}, {RotaChecks.Describe(draft.Kind)}, " +
                $"{RotaChecks.Span(draft.Start, draft.End, UkCalendar.Zone)}", cancellationToken);
        return Outcome<RotaChanged>.Accepted(new RotaChanged(shift.Id, [.. problems.Select(p => p.Message)]));
    }

    public async Task<Outcome> DeleteShiftAsync(Guid shiftId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shift = await db.RotaShifts.SingleOrDefaultAsync(s => s.Id == shiftId, cancellationToken);
        if (shift is null)
        {
            return Outcome.Rejected("That shift no longer exists.");
        }

        var name = await RotaContexts.NameAsync(db, shift.ReporterId, cancellationToken);
        db.RotaShifts.Remove(shift);
        await CommitAsync(db, shift.ReporterId, actor,
            $"Shift removed: {name}, {RotaChecks.Describe(shift.Kind)}, {RotaChecks.Span(shift.Start, shift.End, UkCalendar.Zone)}",
            cancellationToken);
        return Outcome.Accepted;
    }

    /// <summary>Leave removes cover; when it clashes with on-call the leave is still recorded, with a warning to re-cover it.</summary>
    public async Task<Outcome<RotaChanged>> AddAbsenceAsync(Guid reporterId, AbsenceKind kind, DateTimeOffset start, DateTimeOffset end,
        Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var context = await RotaContexts.ContextAsync(db, reporterId, start, end, cancellationToken);
        if (context is null)
        {
            return Outcome<RotaChanged>.Rejected("There is no such reporter.");
        }

        var problems = RotaChecks.CheckAbsence(reporterId, start, end, kind, context);
        if (problems.FirstOrDefault(p => p.Refuses) is { } refusal)
        {
            return Outcome<RotaChanged>.Rejected(refusal.Message);
        }

        var absence = new Absence(Guid.NewGuid(), reporterId, kind, start, end);
        db.Absences.Add(absence);
        await CommitAsync(db, reporterId, actor,
            $"Leave added: {context.ReporterName}, {RotaChecks.Describe(kind)}, {RotaChecks.Span(start, end, UkCalendar.Zone)}",
            cancellationToken);
        return Outcome<RotaChanged>.Accepted(new RotaChanged(absence.Id, [.. problems.Select(p => p.Message)]));
    }

    public async Task<Outcome> DeleteAbsenceAsync(Guid absenceId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var absence = await db.Absences.SingleOrDefaultAsync(a => a.Id == absenceId, cancellationToken);
        if (absence is null)
        {
            return Outcome.Rejected("That leave no longer exists.");
        }

        var name = await RotaContexts.NameAsync(db, absence.ReporterId, cancellationToken);
        db.Absences.Remove(absence);
        await CommitAsync(db, absence.ReporterId, actor,
            $"Leave removed: {name}, {RotaChecks.Describe(absence.Kind)}, {RotaChecks.Span(absence.Start, absence.End, UkCalendar.Zone)}",
            cancellationToken);
        return Outcome.Accepted;
    }

    private async Task CommitAsync(WorklistDbContext db, Guid reporterId, Actor actor, string detail, CancellationToken cancellationToken)
    {
        db.Audit(actor, AuditAction.RotaChanged, clock.GetUtcNow(), detail);
        await db.SaveChangesAsync(cancellationToken);
        await announce.RotaAsync(reporterId, cancellationToken);
    }
}
