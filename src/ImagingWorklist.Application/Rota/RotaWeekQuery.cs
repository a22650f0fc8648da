using ImagingWorklist.Domain.Rota;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Rota;

public sealed record ShiftRow(Guid ShiftId, string Reporter, ShiftKind Kind, DateTimeOffset Start, DateTimeOffset End, string Covers, int CapacityMinutes);

public sealed record AbsenceRow(string Reporter, AbsenceKind Kind, DateTimeOffset Start, DateTimeOffset End);

public sealed record RotaWeek(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ShiftRow> Shifts, IReadOnlyList<AbsenceRow> Absences);

/// <summary>Who is on duty, and who is away, over seven days.</summary>
public sealed class RotaWeekQuery(IDbContextFactory<WorklistDbContext> contexts)
{
    public async Task<RotaWeek> WeekFromAsync(DateTimeOffset from, CancellationToken cancellationToken = default)
    {
        var to = from.AddDays(7);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = await db.Reporters.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.DisplayName, cancellationToken);
        var trusts = await db.Trusts.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.OdsCode.Value, cancellationToken);
        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);

        var shifts = await db.RotaShifts.AsNoTracking()
            .Where(s => s.Start < to && s.End > from)
            .OrderBy(s => s.Start)
            .ToListAsync(cancellationToken);
        var absences = await db.Absences.AsNoTracking()
            .Where(a => a.Start < to && a.End > from)
            .OrderBy(a => a.Start)
            .ToListAsync(cancellationToken);

        string Covers(RotaShift shift) => shift.Scope switch
        {
            CoverScope.Network => "Whole network",
            CoverScope.Trusts => string.Join(", ", shift.CoveredIds.Select(id => trusts.GetValueOrDefault(id, "unknown trust"))),
            _ => string.Join(", ", shift.CoveredIds.Select(id => sites.GetValueOrDefault(id, "unknown site"))),
        };

        return new RotaWeek(
            from,
            to,
            [.. shifts.Select(s => new ShiftRow(s.Id, names.GetValueOrDefault(s.ReporterId, "unknown"), s.Kind, s.Start, s.End, Covers(s), s.CapacityMinutes))],
            [.. absences.Select(a => new AbsenceRow(names.GetValueOrDefault(a.ReporterId, "unknown"), a.Kind, a.Start, a.End))]);
    }
}
