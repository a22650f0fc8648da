using ImagingWorklist.Domain.Rota;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Rota;

/// <summary>Who is on duty, and who is away, over a span of days (a week by default).</summary>
public sealed class RotaWeekQuery(IDbContextFactory<WorklistDbContext> contexts)
{
    public async Task<RotaWeek> WeekFromAsync(DateTimeOffset from, int days = 7, CancellationToken cancellationToken = default)
    {
        var to = from.AddDays(days);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var people = await db.Reporters.AsNoTracking().OrderBy(r => r.DisplayName).ToListAsync(cancellationToken);
        var names = people.ToDictionary(r => r.Id, r => r.DisplayName);
        var trusts = await db.Trusts.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var odsCodes = trusts.ToDictionary(t => t.Id, t => t.OdsCode.Value);
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
            CoverScope.Trusts => string.Join(", ", shift.CoveredIds.Select(id => odsCodes.GetValueOrDefault(id, "unknown trust"))),
            _ => string.Join(", ", shift.CoveredIds.Select(id => sites.GetValueOrDefault(id, "unknown site"))),
        };

        return new RotaWeek(
            from,
            to,
            [.. shifts.Select(s =>
                new ShiftRow(s.Id, s.ReporterId, names.GetValueOrDefault(s.ReporterId, "unknown"), s.Kind, s.Start, s.End, s.Scope,
                s.CoveredIds, Covers(s), s.CapacityMinutes))],
            [.. absences.Select(a =>
                new AbsenceRow(a.Id, a.ReporterId, names.GetValueOrDefault(a.ReporterId, "unknown"), a.Kind, a.Start, a.End))],
            [.. people.Select(p => new RotaPerson(p.Id, p.DisplayName, p.Role, p.RegistrationNumber, p.Skills))],
            [.. trusts.Select(t => new RotaTrust(t.Id, t.OdsCode.Value, t.Name))]);
    }
}
