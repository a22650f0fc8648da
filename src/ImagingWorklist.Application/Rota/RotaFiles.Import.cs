using System.Globalization;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Rota;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Rota;

public sealed partial class RotaFiles
{
    /// <summary>
    /// Imports shifts from CSV (<see cref="CsvHeader"/>, and optionally <c>id</c>; times as yyyy-MM-dd HH:mm UK local
    /// time; cover "network", trust ODS codes or site ODS codes separated by ';'), as an upsert keyed by the shift's id:
    /// a row without an id is a new shift, a row with one changes that shift (or leaves it alone when nothing changed).
    /// A file whose first line is <c>#replaces,first day,last day</c> (as every export starts) also removes the shifts
    /// starting on those days that it no longer lists. Every row is checked, against the rota and the other rows; if any
    /// row is refused nothing changes and every problem is named with its row.
    /// </summary>
    public async Task<ImportReport> ImportCsvAsync(string csv, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = CsvText.Parse(csv);
        var (replaces, headerAt, directiveProblem) = Directive(records);
        if (directiveProblem is not null)
        {
            return new ImportReport(0, [new ImportProblem(1, directiveProblem)], []);
        }

        var columns = records.Count > headerAt ? records[headerAt].Select(c => c.Trim().ToLowerInvariant()).ToList() : [];
        if (!CsvHeader.Split(',').All(columns.Contains))
        {
            return new ImportReport(0, [new ImportProblem(headerAt + 1, $"The first line must be the header: {CsvHeader}")], []);
        }

        var (rows, problems) = await ReadRowsAsync(db, records, headerAt, columns, cancellationToken);
        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ImportProblem(headerAt + 2, "The file has no shifts after its header."));
        }

        var listed = rows.Where(r => r.Existing is not null).Select(r => r.Existing!.Id).ToHashSet();
        var removed = replaces is var (from, to)
            ? await db.RotaShifts.Where(s => s.Start >= from && s.Start < to).ToListAsync(cancellationToken)
            : [];
        removed.RemoveAll(s => listed.Contains(s.Id));
        var warnings = new List<ImportProblem>();
        await CheckRowsAsync(db, rows, [.. listed, .. removed.Select(s => s.Id)], problems, warnings, cancellationToken);
        if (problems.Count > 0)
        {
            return new ImportReport(0, [.. problems.OrderBy(p => p.Row)], warnings);
        }

        return await ApplyAsync(db, rows, removed, replaces, warnings, actor, cancellationToken);
    }

    /// <summary>One row of an import: what it asks for, and the shift it changes (null for a new one).</summary>
    private sealed record ImportRow(int Row, ShiftDraft Draft, RotaShift? Existing)
    {
        public Guid Id { get; } = Existing?.Id ?? Guid.NewGuid();

        public bool Unchanged => Existing is { } shift && shift.Kind == Draft.Kind && shift.Start == Draft.Start && shift.End == Draft.End
            && shift.Scope == Draft.Scope && shift.CoveredIds.ToHashSet().SetEquals(Draft.CoveredIds)
                && shift.CapacityMinutes == Draft.CapacityMinutes;

        public RotaShift AsShift()
            => new(Id, Draft.ReporterId, Draft.Kind, Draft.Start, Draft.End, Draft.Scope, Draft.CoveredIds, Draft.CapacityMinutes);
    }

    /// <summary>The <c>#replaces</c> line, if the file starts with one: the UK days it stands for, and where the header is.</summary>
    private static ((DateTimeOffset From, DateTimeOffset To)? Replaces, int HeaderAt,
        string? Problem) Directive(IReadOnlyList<string[]> records)
    {
        if (records.Count == 0 || !records[0][0].TrimStart().StartsWith('#'))
        {
            return (null, 0, null);
        }

        var line = records[0];
        return string.Equals(line[0].Trim(), ReplacesDirective, StringComparison.OrdinalIgnoreCase) && line.Length >= 3
            && DateOnly.TryParseExact(line[1].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            && DateOnly.TryParseExact(line[2].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last)
                && last >= first
            ? ((UkCalendar.Midnight(first), UkCalendar.Midnight(last.AddDays(1))), 1, null)
            : (null, 1,
                $"The first line may only be {ReplacesDirective},<first day>,<last day> (yyyy-MM-dd, UK days the file replaces); remove " +
                    $"it to add and change shifts without removing any.");
    }

    private async Task<(List<ImportRow> Rows, List<ImportProblem> Problems)> ReadRowsAsync(
        WorklistDbContext db, IReadOnlyList<string[]> records, int headerAt, List<string> columns, CancellationToken cancellationToken)
    {
        var reporters = await db.Reporters.AsNoTracking()
            .ToDictionaryAsync(r => r.RegistrationNumber, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var trusts = await db.Trusts.AsNoTracking().ToListAsync(cancellationToken);
        var sites = await db.Sites.AsNoTracking().ToListAsync(cancellationToken);
        var rows = new List<ImportRow>();
        var problems = new List<ImportProblem>();
        for (var i = headerAt + 1; i < records.Count; i++)
        {
            var (fields, number) = (records[i], i + 1);
            string Get(string column) => columns.IndexOf(column) is var at && at >= 0 && at < fields.Length ? fields[at] : string.Empty;
            var read = ReadRow(Get, reporters, trusts, sites);
            if (!read.Succeeded)
            {
                problems.Add(new ImportProblem(number, read.Reason!));
                continue;
            }

            var idText = Get("id").Trim();
            RotaShift? existing = null;
            if (idText.Length > 0)
            {
                var problem = !Guid.TryParse(idText, out var id)
                    ? $"id '{StoredText.Echo(idText)}' is not a shift id from an export; leave it empty for a new shift."
                    : (existing = await db.RotaShifts.SingleOrDefaultAsync(s => s.Id == id, cancellationToken)) is null
                        ? "This shift was removed after the file was exported; clear its id to add it again."
                    : existing.ReporterId != read.Value!.ReporterId
                        ? "A shift cannot be moved to another person; clear its id to add theirs, and remove this one."
                    : rows.Any(r => r.Existing?.Id == id) ? "This shift's id is on an earlier row too; each shift may be listed once."
                    : null;
                if (problem is not null)
                {
                    problems.Add(new ImportProblem(number, problem));
                    continue;
                }
            }

            rows.Add(new ImportRow(number, read.Value!, existing));
        }

        return (rows, problems);
    }

    /// <summary>
    /// New and changed rows are checked against the rota as it will be: the shifts the file does not touch, the rows it
    /// leaves unchanged, and the earlier rows (so a clash between two rows is named once, on the later one).
    /// </summary>
    private static async Task CheckRowsAsync(
        WorklistDbContext db, List<ImportRow> rows, HashSet<Guid> replaced, List<ImportProblem> problems, List<ImportProblem> warnings,
            CancellationToken cancellationToken)
    {
        foreach (var row in rows.Where(r => !r.Unchanged))
        {
            var context = (await RotaContexts.ContextAsync(db, row.Draft.ReporterId, row.Draft.Start, row.Draft.End, cancellationToken))!;
            var others = rows.Where(r => r != row && r.Draft.ReporterId == row.Draft.ReporterId && (r.Unchanged || r.Row < row.Row))
                .Select(r => r.AsShift());
            var found =
                RotaChecks.Check(row.Draft.Plan with { Id = row.Id },
                context with { Shifts = [.. context.Shifts.Where(s => !replaced.Contains(s.Id)), .. others] });
            problems.AddRange(found.Where(p => p.Refuses).Select(p => new ImportProblem(row.Row, p.Message)));
            warnings.AddRange(found.Where(p => !p.Refuses).Select(p => new ImportProblem(row.Row, p.Message)));
        }
    }

    private async Task<ImportReport> ApplyAsync(
        WorklistDbContext db, List<ImportRow> rows, List<RotaShift> removed, (DateTimeOffset From, DateTimeOffset To)? replaces,
            List<ImportProblem> warnings, Actor actor, CancellationToken cancellationToken)
    {
        var added = rows.Where(r => r.Existing is null).ToList();
        var changed = rows.Where(r => r.Existing is not null && !r.Unchanged).ToList();
        db.RotaShifts.AddRange(added.Select(r => r.AsShift()));
        foreach (var row in changed)
        {
            row.Existing!.Reschedule(row.Draft.Kind, row.Draft.Start, row.Draft.End, row.Draft.Scope, row.Draft.CoveredIds,
                row.Draft.CapacityMinutes);
        }

        db.RotaShifts.RemoveRange(removed);
        var replaced = replaces is var (from, to)
            ? $" (the file replaces {UkCalendar.FormatDate(from)} to {UkCalendar.FormatDate(to.AddTicks(-1))})" : string.Empty;
        db.Audit(actor, AuditAction.RotaChanged, clock.GetUtcNow(),
            $"Rota imported: {added.Count} added, {changed.Count} changed, {removed.Count} removed{replaced}");
        await db.SaveChangesAsync(cancellationToken);
        foreach (var reporter in added.Concat(changed).Select(r => r.Draft.ReporterId).Concat(removed.Select(s => s.ReporterId)).Distinct())
        {
            await announce.RotaAsync(reporter, cancellationToken);
        }

        return new ImportReport(added.Count, [], warnings)
        {
            Changed = changed.Count,
            Unchanged = rows.Count - added.Count - changed.Count,
            Removed = removed.Count,
            Replaced = replaces is var (first, last) ? (UkCalendar.DayOf(first), UkCalendar.DayOf(last.AddTicks(-1))) : null,
        };
    }
}
