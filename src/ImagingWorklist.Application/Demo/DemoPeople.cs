using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Demo;

/// <summary>
/// Who the demo accounts are: the two radiologists are consultants on duty at the moment the accounts are made, so both
/// have work to claim straight away; the registrar shares their trusts, so the demo can show verification.
/// </summary>
public sealed class DemoPeople(IDbContextFactory<WorklistDbContext> contexts, TimeProvider clock)
{
    /// <summary>Whether anyone has an account yet (the demo accounts are made only into an empty network).</summary>
    public async Task<bool> AccountsExistAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(cancellationToken);
    }

    /// <summary>
    /// The reporters behind the demo accounts (radiologist, radiologist2, registrar, radiographer), by account name.
    /// </summary>
    public async Task<Dictionary<string, Reporter>> PickAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // On duty now, and for as long as possible: the demo should not lose its radiologists at the next shift change
        // (a night shift ending at 08:00 followed at once by a day shift is one stretch of duty).
        var shifts = await db.RotaShifts.AsNoTracking().Where(s => s.End > now).ToListAsync(cancellationToken);
        var dutyEnds = shifts.GroupBy(s => s.ReporterId)
            .Select(g => (Reporter: g.Key, End: DutyEnd(g.Select(s => (s.Start, s.End)), now)))
            .Where(d => d.End is not null)
            .ToDictionary(d => d.Reporter, d => d.End!.Value);
        var onDuty = dutyEnds.Keys.ToHashSet();
        var reporters = await db.Reporters.AsNoTracking().OrderBy(r => r.RegistrationNumber).ToListAsync(cancellationToken);
        var credentials = (await db.Credentials.AsNoTracking().ToListAsync(cancellationToken)).Where(c => c.IsValidAt(now)).ToLookup(c => c.ReporterId);
        // On duty for the next few hours counts as long enough; among those, the most trusts (the most work to show).
        var enough = now.AddHours(4);
        DateTimeOffset OnDutyUntil(Reporter r) => dutyEnds.TryGetValue(r.Id, out var end) && end < enough ? end : dutyEnds.ContainsKey(r.Id) ? enough : DateTimeOffset.MinValue;
        var consultants = reporters
            .Where(r => r.Role == ProfessionalRole.ConsultantRadiologist && !r.RegistrationNumber.StartsWith("TELERAD", StringComparison.Ordinal))
            .OrderByDescending(OnDutyUntil)
            .ThenByDescending(r => credentials[r.Id].Count())
            .ToList();
        var picked = new Dictionary<string, Reporter>();
        if (consultants.Count > 1)
        {
            // The second radiologist shares as many trusts as possible with the first, so the two see common work.
            var first = consultants[0];
            var trusts = credentials[first.Id].Select(c => c.TrustId).ToHashSet();
            picked["radiologist"] = first;
            picked["radiologist2"] = consultants.Skip(1)
                .OrderByDescending(r => OnDutyUntil(r) >= OnDutyUntil(first))
                .ThenByDescending(r => onDuty.Contains(r.Id))
                .ThenByDescending(r => credentials[r.Id].Count(c => trusts.Contains(c.TrustId)))
                .First();
        }

        // The registrar is on duty too and shares trusts with the radiologists, so the demo can show verification.
        var shared = picked.TryGetValue("radiologist", out var lead) ? credentials[lead.Id].Select(c => c.TrustId).ToHashSet() : [];
        if (reporters.Where(r => r.Role == ProfessionalRole.Registrar)
                .OrderByDescending(r => onDuty.Contains(r.Id))
                .ThenByDescending(r => credentials[r.Id].Count(c => shared.Contains(c.TrustId)))
                .FirstOrDefault() is { } registrar)
        {
            picked["registrar"] = registrar;
        }

        if (reporters.FirstOrDefault(r => r.Role == ProfessionalRole.ReportingRadiographer) is { } radiographer)
        {
            picked["radiographer"] = radiographer;
        }

        return picked;
    }

    /// <summary>When the stretch of duty that includes <paramref name="now"/> ends, following shifts that join on; null when off duty.</summary>
    private static DateTimeOffset? DutyEnd(IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> shifts, DateTimeOffset now)
    {
        DateTimeOffset? end = null;
        foreach (var (start, finish) in shifts.OrderBy(s => s.Start))
        {
            if (start <= (end ?? now) && finish > (end ?? now))
            {
                end = finish;
            }
        }

        return end;
    }
}
