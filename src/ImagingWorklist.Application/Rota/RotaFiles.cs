using System.Globalization;
using System.Text;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Rota;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Rota;

/// <summary>
/// The rota as files: CSV import (all or nothing, every row checked) and export in the same format, and each
/// reporter's shifts and leave as an iCalendar feed.
/// </summary>
public sealed partial class RotaFiles(IDbContextFactory<WorklistDbContext> contexts, ChangeAnnouncer announce, TimeProvider clock)
{
    /// <summary>The columns every import needs; an export also writes each shift's <c>id</c> first.</summary>
    public const string CsvHeader = "registration,kind,start,end,cover,capacity_minutes";

    /// <summary>The shift kinds a file may name, as the rota shows them (their code names are read too).</summary>
    public static string AcceptedKinds => string.Join(", ", Labels.All<ShiftKind>());

    /// <summary>The first line of an export: the UK days the file stands for, so importing it back replaces them.</summary>
    public const string ReplacesDirective = "#replaces";

    /// <summary>
    /// The shifts overlapping [from, to) as CSV in the import format, so an export imports back: first the days it
    /// replaces (<see cref="ReplacesDirective"/>), then each shift with its id, so an edited row changes that shift.
    /// </summary>
    public async Task<string> ExportCsvAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var registrations = await db.Reporters.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.RegistrationNumber, cancellationToken);
        var trusts = await db.Trusts.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.OdsCode.Value, cancellationToken);
        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.OdsCode.Value, cancellationToken);
        var shifts = await db.RotaShifts.AsNoTracking().Where(s => s.Start < to && s.End > from).OrderBy(s => s.Start)
            .ToListAsync(cancellationToken);
        var (first, last) = (UkCalendar.ToLocal(from).Date, UkCalendar.ToLocal(to.AddTicks(-1)).Date);
        var text = new StringBuilder()
            .Append(CsvText.Line(ReplacesDirective, $"{first:yyyy-MM-dd}", $"{last:yyyy-MM-dd}")).Append("\r\n")
            .Append("id,").Append(CsvHeader).Append("\r\n");
        foreach (var shift in shifts)
        {
            var cover = shift.Scope switch
            {
                CoverScope.Network => "network",
                CoverScope.Trusts => string.Join(';', shift.CoveredIds.Select(id => trusts.GetValueOrDefault(id, "?"))),
                _ => string.Join(';', shift.CoveredIds.Select(id => sites.GetValueOrDefault(id, "?"))),
            };
            text.Append(
                CsvText.Line(shift.Id.ToString(), registrations.GetValueOrDefault(shift.ReporterId, "?"), Labels.Of(shift.Kind),
                Local(shift.Start), Local(shift.End), cover,
                shift.CapacityMinutes.ToString(CultureInfo.InvariantCulture))).Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>One reporter's shifts and leave as an iCalendar feed (RFC 5545), times in UTC.</summary>
    public async Task<string?> CalendarAsync(Guid reporterId, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reporter = await db.Reporters.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reporterId, cancellationToken);
        if (reporter is null)
        {
            return null;
        }

        var shifts = await db.RotaShifts.AsNoTracking().Where(s => s.ReporterId == reporterId && s.Start < to && s.End > from)
            .ToListAsync(cancellationToken);
        var absences = await db.Absences.AsNoTracking().Where(a => a.ReporterId == reporterId && a.Start < to && a.End > from)
            .ToListAsync(cancellationToken);
        var calendar = new Ical.Net.Calendar { ProductId = "-//ImagingWorklist//Rota//EN" };
        calendar.AddProperty("X-WR-CALNAME", $"Reporting rota: {reporter.DisplayName}");
        foreach (var shift in shifts)
        {
            calendar.Events.Add(
                Event(shift.Id, $"{Capitalised(RotaChecks.Describe(shift.Kind))} ({shift.CapacityMinutes} reading min)", shift.Start,
                shift.End));
        }

        foreach (var absence in absences)
        {
            calendar.Events.Add(Event(absence.Id, Capitalised(RotaChecks.Describe(absence.Kind)), absence.Start, absence.End));
        }

        return new Ical.Net.Serialization.CalendarSerializer().SerializeToString(calendar);
    }

    private Outcome<ShiftDraft> ReadRow(Func<string, string> row, Dictionary<string, Domain.Reporters.Reporter> reporters,
        List<Domain.Network.Trust> trusts, List<Domain.Network.Site> sites)
    {
        var registration = row("registration").Trim();
        var named = reporters.Values.Where(r => string.Equals(r.DisplayName, registration, StringComparison.OrdinalIgnoreCase)).ToList();
        if (!reporters.TryGetValue(registration, out var reporter) && named.Count != 1)
        {
            return Outcome<ShiftDraft>.Rejected(named.Count > 1
                ? $"{named.Count} reporters are called '{StoredText.Echo(registration)}'; write the registration number (GMC or HCPC) " +
                    $"instead."
                : $"No reporter has registration number or name '{StoredText.Echo(registration)}'.");
        }

        reporter ??= named[0];
        var kindText = row("kind");
        if (!Labels.TryParse<ShiftKind>(kindText, out var kind))
        {
            return Outcome<ShiftDraft>.Rejected($"Kind '{StoredText.Echo(kindText)}' is not one of: {AcceptedKinds}.");
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

        var trustIds =
            cover.Select(c =>
            trusts.FirstOrDefault(t => string.Equals(t.OdsCode.Value, c, StringComparison.OrdinalIgnoreCase)
            || string.Equals(t.Name, c, StringComparison.OrdinalIgnoreCase))?.Id).ToList();
        if (cover.Length > 0 && trustIds.All(t => t is not null))
        {
            return Outcome<ShiftDraft>.Accepted(
                new ShiftDraft(null, reporter.Id, kind, start, end, CoverScope.Trusts, [.. trustIds.OfType<Guid>()], capacity));
        }

        var siteIds =
            cover.Select(c =>
            sites.FirstOrDefault(s => string.Equals(s.OdsCode.Value, c, StringComparison.OrdinalIgnoreCase)
            || string.Equals(s.Name, c, StringComparison.OrdinalIgnoreCase))?.Id).ToList();
        if (cover.Length > 0 && siteIds.All(s => s is not null))
        {
            return Outcome<ShiftDraft>.Accepted(
                new ShiftDraft(null, reporter.Id, kind, start, end, CoverScope.Sites, [.. siteIds.OfType<Guid>()], capacity));
        }

        return Outcome<ShiftDraft>.Rejected(
            $"Cover '{StoredText.Echo(string.Join(';', cover))}' must be 'network', or trusts, or sites (not a mix), each by ODS code " +
                $"or name, separated by ';'.");
    }

    private DateTimeOffset? ParseLocal(string? text)
    {
        if (!DateTime.TryParseExact(text?.Trim(), ["yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm"], CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var local))
        {
            return null;
        }

        return new DateTimeOffset(local, UkCalendar.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private string Local(DateTimeOffset at)
        => TimeZoneInfo.ConvertTime(at, UkCalendar.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static Ical.Net.CalendarComponents.CalendarEvent Event(Guid id, string summary, DateTimeOffset start, DateTimeOffset end)
        => new()
    {
        Uid = $"{id}@imagingworklist",
        Summary = summary,
        DtStart = new Ical.Net.DataTypes.CalDateTime(start.UtcDateTime, "UTC"),
        DtEnd = new Ical.Net.DataTypes.CalDateTime(end.UtcDateTime, "UTC"),
    };

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
