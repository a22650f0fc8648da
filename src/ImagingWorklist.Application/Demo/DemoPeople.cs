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
        // On duty now, and for as long as possible: the demo should not lose its radiologists at the next shift change.
        var shifts = await db.RotaShifts.AsNoTracking().Where(s => s.Start <= now && s.End > now).ToListAsync(cancellationToken);
        var dutyEnds = shifts.GroupBy(s => s.ReporterId).ToDictionary(g => g.Key, g => g.Max(s => s.End));
        var onDuty = dutyEnds.Keys.ToHashSet();
        var reporters = await db.Reporters.AsNoTracking().OrderBy(r => r.RegistrationNumber).ToListAsync(cancellationToken);
        var credentials = (await db.Credentials.AsNoTracking().ToListAsync(cancellationToken)).Where(c => c.IsValidAt(now))
            .ToLookup(c => c.ReporterId);
        var consultants = reporters
            .Where(r => r.Role == ProfessionalRole.ConsultantRadiologist
                && !r.RegistrationNumber.StartsWith("TELERAD", StringComparison.Ordinal))
            .OrderByDescending(r => dutyEnds.GetValueOrDefault(r.Id))
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
                .OrderByDescending(r => dutyEnds.GetValueOrDefault(r.Id) >= dutyEnds.GetValueOrDefault(first.Id))
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
}
