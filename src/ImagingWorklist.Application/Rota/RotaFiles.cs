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

/// <summary>
/// The rota as files: CSV import (all or nothing, every row checked) and export in the same format, and each
/// reporter's shifts and leave as an iCalendar feed.
/// </summary>
public sealed class RotaFiles(IDbContextFactory<WorklistDbContext> contexts, ChangeAnnouncer announce, TimeProvider clock)
{
    public const string CsvHeader = "registration,kind,start,end,cover,capacity_minutes";

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
            var context = await RotaContexts.ContextAsync(db, draft.ReporterId, draft.Start, draft.End, cancellationToken);
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

    private static Ical.Net.CalendarComponents.CalendarEvent Event(Guid id, string summary, DateTimeOffset start, DateTimeOffset end) => new()
    {
        Uid = $"{id}@imagingworklist",
        Summary = summary,
        DtStart = new Ical.Net.DataTypes.CalDateTime(start.UtcDateTime, "UTC"),
        DtEnd = new Ical.Net.DataTypes.CalDateTime(end.UtcDateTime, "UTC"),
    };

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
