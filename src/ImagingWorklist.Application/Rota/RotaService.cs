using System.Globalization;
using System.Text;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Rota;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Rota;

/// <summary>A shift as entered (new when <see cref="Id"/> is null).</summary>
public sealed record ShiftDraft(Guid? Id, Guid ReporterId, ShiftKind Kind, DateTimeOffset Start, DateTimeOffset End, CoverScope Scope, IReadOnlyList<Guid> CoveredIds, int CapacityMinutes)
{
    public ShiftPlan Plan => new(Id, ReporterId, Kind, Start, End, Scope, CoveredIds, CapacityMinutes);
}

/// <summary>A change that was made, with what the coordinator should still look at.</summary>
public sealed record RotaChanged(Guid Id, IReadOnlyList<string> Warnings);

/// <summary>One row of a CSV import that cannot be taken, with why.</summary>
public sealed record ImportProblem(int Row, string Message);

/// <summary>What an import did: all rows, or (when any row is refused) none, with every problem named.</summary>
public sealed record ImportReport(int Imported, IReadOnlyList<ImportProblem> Problems, IReadOnlyList<ImportProblem> Warnings)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Rota changes by coordinators: shifts, leave, CSV import and export. Every change is checked
/// (<see cref="RotaChecks"/>), audited, and announced, so the engine's eligibility, capacity and out-of-hours routing
/// follow at once on every instance and open worklists refresh.
/// </summary>
public sealed class RotaService(IDbContextFactory<WorklistDbContext> contexts, ChangeAnnouncer announce, TimeProvider clock)
{
    public const string CsvHeader = "registration,kind,start,end,cover,capacity_minutes";

    public async Task<Outcome<RotaChanged>> SaveShiftAsync(ShiftDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var context = await ContextAsync(db, draft.ReporterId, draft.Start, draft.End, cancellationToken);
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
            shift = await db.RotaShifts.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new InvalidOperationException("No such shift.");
            if (shift.ReporterId != draft.ReporterId)
            {
                return Outcome<RotaChanged>.Rejected("A shift cannot be moved to another person; remove it and add theirs.");
            }

            shift.Reschedule(draft.Kind, draft.Start, draft.End, draft.Scope, draft.CoveredIds, draft.CapacityMinutes);
            verb = "changed";
        }
        else
        {
            shift = new RotaShift(Guid.NewGuid(), draft.ReporterId, draft.Kind, draft.Start, draft.End, draft.Scope, draft.CoveredIds, draft.CapacityMinutes);
            db.RotaShifts.Add(shift);
            verb = "added";
        }

        await CommitAsync(db, draft.ReporterId, actor, $"Shift {verb}: {context.ReporterName}, {RotaChecks.Describe(draft.Kind)}, {RotaChecks.Span(draft.Start, draft.End, UkCalendar.Zone)}", cancellationToken);
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

        var name = await NameAsync(db, shift.ReporterId, cancellationToken);
        db.RotaShifts.Remove(shift);
        await CommitAsync(db, shift.ReporterId, actor, $"Shift removed: {name}, {RotaChecks.Describe(shift.Kind)}, {RotaChecks.Span(shift.Start, shift.End, UkCalendar.Zone)}", cancellationToken);
        return Outcome.Accepted;
    }

    /// <summary>Leave removes cover; when it clashes with on-call the leave is still recorded, with a warning to re-cover it.</summary>
    public async Task<Outcome<RotaChanged>> AddAbsenceAsync(Guid reporterId, AbsenceKind kind, DateTimeOffset start, DateTimeOffset end, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var context = await ContextAsync(db, reporterId, start, end, cancellationToken);
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
        await CommitAsync(db, reporterId, actor, $"Leave added: {context.ReporterName}, {RotaChecks.Describe(kind)}, {RotaChecks.Span(start, end, UkCalendar.Zone)}", cancellationToken);
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

        var name = await NameAsync(db, absence.ReporterId, cancellationToken);
        db.Absences.Remove(absence);
        await CommitAsync(db, absence.ReporterId, actor, $"Leave removed: {name}, {RotaChecks.Describe(absence.Kind)}, {RotaChecks.Span(absence.Start, absence.End, UkCalendar.Zone)}", cancellationToken);
        return Outcome.Accepted;
    }

    /// <summary>Adds a recurring weekly session to a reporter's job plan (times in UK local time).</summary>
    public async Task<Outcome<Guid>> AddJobPlanEntryAsync(
        Guid reporterId, DayOfWeek day, TimeOnly start, TimeOnly end, ShiftKind kind, CoverScope scope, IReadOnlyList<Guid> coveredIds, int capacityMinutes, DateOnly validFrom, DateOnly? validTo, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var name = await db.Reporters.Where(r => r.Id == reporterId).Select(r => r.DisplayName).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return Outcome<Guid>.Rejected("There is no such reporter.");
        }

        var created = JobPlanEntry.Create(Guid.NewGuid(), reporterId, day, start, end, kind, scope, coveredIds, capacityMinutes, validFrom, validTo);
        if (!created.Succeeded)
        {
            return Outcome<Guid>.Rejected(created.Reason!);
        }

        // The first week it would be rolled out in must pass the same checks as a shift (capacity, credentials).
        var sample = created.Value!.PlanOn(validFrom.AddDays(((int)day - (int)validFrom.DayOfWeek + 7) % 7), UkCalendar.Zone);
        var context = await ContextAsync(db, reporterId, sample.Start, sample.End, cancellationToken);
        var refusals = RotaChecks.Check(sample, context! with { Shifts = [], Absences = [] }).Where(p => p.Refuses).Select(p => p.Message).ToList();
        if (refusals.Count > 0)
        {
            return Outcome<Guid>.Rejected(string.Join(" ", refusals));
        }

        db.JobPlanEntries.Add(created.Value);
        db.Audit(actor, AuditAction.RotaChanged, clock.GetUtcNow(), $"Job plan: {name}, {day}s {start:HH\\:mm}–{end:HH\\:mm}, {RotaChecks.Describe(kind)}");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Accepted(created.Value.Id);
    }

    /// <summary>An exception: the session does not happen on that date.</summary>
    public async Task<Outcome> AddJobPlanExceptionAsync(Guid entryId, DateOnly date, Actor actor, CancellationToken cancellationToken = default)
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

    public async Task<IReadOnlyList<JobPlanEntry>> JobPlanAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = await db.JobPlanEntries.AsNoTracking().ToListAsync(cancellationToken);
        return [.. entries.OrderBy(e => ((int)e.Day + 6) % 7).ThenBy(e => e.StartTime)];
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
                var context = await ContextAsync(db, entry.ReporterId, plan.Start, plan.End, cancellationToken);
                var found = RotaChecks.Check(plan, context! with { Shifts = [.. context.Shifts, .. created] });
                if (found.Where(p => p.Refuses).Select(p => p.Message).ToList() is { Count: > 0 } refusals)
                {
                    skipped.Add(new ImportProblem(number, $"{date:ddd d MMM}: {string.Join(" ", refusals)}"));
                    continue;
                }

                warnings.AddRange(found.Select(p => new ImportProblem(number, $"{date:ddd d MMM}: {p.Message}")));
                created.Add(new RotaShift(Guid.NewGuid(), plan.ReporterId, plan.Kind, plan.Start, plan.End, plan.Scope, plan.CoveredIds, plan.CapacityMinutes));
            }
        }

        if (created.Count > 0)
        {
            db.RotaShifts.AddRange(created);
            db.Audit(actor, AuditAction.RotaChanged, clock.GetUtcNow(), $"Job plans rolled out for the week from {monday:yyyy-MM-dd}: {created.Count} shifts");
            await db.SaveChangesAsync(cancellationToken);
            foreach (var reporter in created.Select(s => s.ReporterId).Distinct())
            {
                await announce.RotaAsync(reporter, cancellationToken);
            }
        }

        return new ImportReport(created.Count, skipped, warnings);
    }

    /// <summary>
    /// Imports shifts from CSV (<see cref="CsvHeader"/>; times as yyyy-MM-dd HH:mm UK local time; cover "network", trust
    /// ODS codes or site ODS codes separated by ';'). Every row is checked, against the rota and against the other rows;
    /// if any row is refused nothing is imported and every problem is named with its row.
    /// </summary>
    public async Task<ImportReport> ImportCsvAsync(string csv, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reporters = await db.Reporters.AsNoTracking().ToDictionaryAsync(r => r.RegistrationNumber, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var trusts = await db.Trusts.AsNoTracking().ToListAsync(cancellationToken);
        var sites = await db.Sites.AsNoTracking().ToListAsync(cancellationToken);
        var problems = new List<ImportProblem>();
        var warnings = new List<ImportProblem>();
        var drafts = new List<(int Row, ShiftDraft Draft)>();

        var records = CsvText.Parse(csv);
        var columns = records.Count > 0 ? records[0].Select(c => c.ToLowerInvariant()).ToList() : [];
        if (!CsvHeader.Split(',').All(columns.Contains))
        {
            return new ImportReport(0, [new ImportProblem(1, $"The first line must be the header: {CsvHeader}")], []);
        }

        for (var i = 1; i < records.Count; i++)
        {
            var fields = records[i];
            string Get(string column) => columns.IndexOf(column) is var at && at < fields.Length ? fields[at] : string.Empty;
            var read = ReadRow(Get, reporters, trusts, sites);
            if (!read.Succeeded)
            {
                problems.Add(new ImportProblem(i + 1, read.Reason!));
                continue;
            }

            drafts.Add((i + 1, read.Value!));
        }

        if (drafts.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ImportProblem(2, "The file has no shifts after its header."));
        }

        foreach (var (number, draft) in drafts)
        {
            var context = await ContextAsync(db, draft.ReporterId, draft.Start, draft.End, cancellationToken);
            var earlier = drafts.Where(d => d.Row < number && d.Draft.ReporterId == draft.ReporterId)
                .Select(d => new RotaShift(Guid.NewGuid(), d.Draft.ReporterId, d.Draft.Kind, d.Draft.Start, d.Draft.End, d.Draft.Scope, d.Draft.CoveredIds, d.Draft.CapacityMinutes));
            var found = RotaChecks.Check(draft.Plan, context! with { Shifts = [.. context.Shifts, .. earlier] });
            problems.AddRange(found.Where(p => p.Refuses).Select(p => new ImportProblem(number, p.Message)));
            warnings.AddRange(found.Where(p => !p.Refuses).Select(p => new ImportProblem(number, p.Message)));
        }

        if (problems.Count > 0)
        {
            return new ImportReport(0, [.. problems.OrderBy(p => p.Row)], warnings);
        }

        db.RotaShifts.AddRange(drafts.Select(d => new RotaShift(Guid.NewGuid(), d.Draft.ReporterId, d.Draft.Kind, d.Draft.Start, d.Draft.End, d.Draft.Scope, d.Draft.CoveredIds, d.Draft.CapacityMinutes)));
        db.Audit(actor, AuditAction.RotaChanged, clock.GetUtcNow(), $"Rota imported: {drafts.Count} shifts");
        await db.SaveChangesAsync(cancellationToken);
        foreach (var reporter in drafts.Select(d => d.Draft.ReporterId).Distinct())
        {
            await announce.RotaAsync(reporter, cancellationToken);
        }

        return new ImportReport(drafts.Count, [], warnings);
    }

    /// <summary>The shifts overlapping [from, to) as CSV in the import format, so an export imports back.</summary>
    public async Task<string> ExportCsvAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var registrations = await db.Reporters.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.RegistrationNumber, cancellationToken);
        var trusts = await db.Trusts.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.OdsCode.Value, cancellationToken);
        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.OdsCode.Value, cancellationToken);
        var shifts = await db.RotaShifts.AsNoTracking().Where(s => s.Start < to && s.End > from).OrderBy(s => s.Start).ToListAsync(cancellationToken);
        var text = new StringBuilder().Append(CsvHeader).Append("\r\n");
        foreach (var shift in shifts)
        {
            var cover = shift.Scope switch
            {
                CoverScope.Network => "network",
                CoverScope.Trusts => string.Join(';', shift.CoveredIds.Select(id => trusts.GetValueOrDefault(id, "?"))),
                _ => string.Join(';', shift.CoveredIds.Select(id => sites.GetValueOrDefault(id, "?"))),
            };
            text.Append(CsvText.Line(registrations.GetValueOrDefault(shift.ReporterId, "?"), shift.Kind.ToString(), Local(shift.Start), Local(shift.End), cover,
                shift.CapacityMinutes.ToString(CultureInfo.InvariantCulture))).Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>One reporter's shifts and leave as an iCalendar feed (RFC 5545), times in UTC.</summary>
    public async Task<string?> CalendarAsync(Guid reporterId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reporter = await db.Reporters.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reporterId, cancellationToken);
        if (reporter is null)
        {
            return null;
        }

        var shifts = await db.RotaShifts.AsNoTracking().Where(s => s.ReporterId == reporterId && s.Start < to && s.End > from).ToListAsync(cancellationToken);
        var absences = await db.Absences.AsNoTracking().Where(a => a.ReporterId == reporterId && a.Start < to && a.End > from).ToListAsync(cancellationToken);
        var calendar = new Ical.Net.Calendar { ProductId = "-//ImagingWorklist//Rota//EN" };
        calendar.AddProperty("X-WR-CALNAME", $"Reporting rota: {reporter.DisplayName}");
        foreach (var shift in shifts)
        {
            calendar.Events.Add(Event(shift.Id, $"{Capitalised(RotaChecks.Describe(shift.Kind))} ({shift.CapacityMinutes} reading min)", shift.Start, shift.End));
        }

        foreach (var absence in absences)
        {
            calendar.Events.Add(Event(absence.Id, Capitalised(RotaChecks.Describe(absence.Kind)), absence.Start, absence.End));
        }

        return new Ical.Net.Serialization.CalendarSerializer().SerializeToString(calendar);
    }

    private static Ical.Net.CalendarComponents.CalendarEvent Event(Guid id, string summary, DateTimeOffset start, DateTimeOffset end) => new()
    {
        Uid = $"{id}@imagingworklist",
        Summary = summary,
        DtStart = new Ical.Net.DataTypes.CalDateTime(start.UtcDateTime, "UTC"),
        DtEnd = new Ical.Net.DataTypes.CalDateTime(end.UtcDateTime, "UTC"),
    };

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private Outcome<ShiftDraft> ReadRow(Func<string, string> row, Dictionary<string, Domain.Reporters.Reporter> reporters, List<Domain.Network.Trust> trusts, List<Domain.Network.Site> sites)
    {
        var registration = row("registration");
        if (!reporters.TryGetValue(registration, out var reporter))
        {
            return Outcome<ShiftDraft>.Rejected($"No reporter has registration number '{registration}'.");
        }

        var kindText = row("kind");
        if (!Enum.TryParse<ShiftKind>(kindText, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            return Outcome<ShiftDraft>.Rejected($"Kind '{kindText}' is not one of {string.Join(", ", Enum.GetNames<ShiftKind>())}.");
        }

        if (ParseLocal(row("start")) is not { } start || ParseLocal(row("end")) is not { } end)
        {
            return Outcome<ShiftDraft>.Rejected("Start and end must be dates and times like 2026-12-05 18:00 (UK time).");
        }

        var capacityText = row("capacity_minutes");
        if (!int.TryParse(capacityText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var capacity))
        {
            return Outcome<ShiftDraft>.Rejected($"capacity_minutes must be a whole number of reading minutes, not '{capacityText}'.");
        }

        var cover = row("cover").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (cover is ["network" or "NETWORK" or "Network"])
        {
            return Outcome<ShiftDraft>.Accepted(new ShiftDraft(null, reporter.Id, kind, start, end, CoverScope.Network, [], capacity));
        }

        var trustIds = cover.Select(c => trusts.FirstOrDefault(t => string.Equals(t.OdsCode.Value, c, StringComparison.OrdinalIgnoreCase))?.Id).ToList();
        if (cover.Length > 0 && trustIds.All(t => t is not null))
        {
            return Outcome<ShiftDraft>.Accepted(new ShiftDraft(null, reporter.Id, kind, start, end, CoverScope.Trusts, [.. trustIds.OfType<Guid>()], capacity));
        }

        var siteIds = cover.Select(c => sites.FirstOrDefault(s => string.Equals(s.OdsCode.Value, c, StringComparison.OrdinalIgnoreCase))?.Id).ToList();
        if (cover.Length > 0 && siteIds.All(s => s is not null))
        {
            return Outcome<ShiftDraft>.Accepted(new ShiftDraft(null, reporter.Id, kind, start, end, CoverScope.Sites, [.. siteIds.OfType<Guid>()], capacity));
        }

        return Outcome<ShiftDraft>.Rejected($"Cover '{string.Join(';', cover)}' must be 'network', or ODS codes of trusts, or of sites (not a mix), separated by ';'.");
    }

    private DateTimeOffset? ParseLocal(string? text)
    {
        if (!DateTime.TryParseExact(text?.Trim(), ["yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        return new DateTimeOffset(local, UkCalendar.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, UkCalendar.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private async Task<RotaContext?> ContextAsync(WorklistDbContext db, Guid reporterId, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var reporter = await db.Reporters.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reporterId, cancellationToken);
        if (reporter is null)
        {
            return null;
        }

        var (from, to) = (start.AddDays(-2), end.AddDays(2));
        return new RotaContext(
            reporter.DisplayName,
            await db.RotaShifts.AsNoTracking().Where(s => s.ReporterId == reporterId && s.Start < to && s.End > from).ToListAsync(cancellationToken),
            await db.Absences.AsNoTracking().Where(a => a.ReporterId == reporterId && a.Start < to && a.End > from).ToListAsync(cancellationToken),
            await db.Credentials.AsNoTracking().Where(c => c.ReporterId == reporterId).ToListAsync(cancellationToken),
            await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.TrustId, cancellationToken),
            await db.Trusts.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken),
            UkCalendar.Zone);
    }

    /// <summary>Whose shift or leave it was, for the audit trail (which keeps names, not ids).</summary>
    private static Task<string> NameAsync(WorklistDbContext db, Guid reporterId, CancellationToken cancellationToken) =>
        db.Reporters.Where(r => r.Id == reporterId).Select(r => r.DisplayName).SingleAsync(cancellationToken);

    private async Task CommitAsync(WorklistDbContext db, Guid reporterId, Actor actor, string detail, CancellationToken cancellationToken)
    {
        db.Audit(actor, AuditAction.RotaChanged, clock.GetUtcNow(), detail);
        await db.SaveChangesAsync(cancellationToken);
        await announce.RotaAsync(reporterId, cancellationToken);
    }
}
