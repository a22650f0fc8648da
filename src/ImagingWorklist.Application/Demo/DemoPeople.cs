using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Rota;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Demo;

/// <summary>
/// Who the demo accounts are: the two radiologists are consultants on duty at the moment the accounts are made, and for
/// hours after, so both have work to claim straight away; the registrar shares their trusts, so the demo can show verification.
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
        var shifts = await db.RotaShifts.AsNoTracking().Where(s => s.End > now && s.Start < now + LongEnough)
            .ToListAsync(cancellationToken);
        var reporters = await db.Reporters.AsNoTracking().OrderBy(r => r.RegistrationNumber).ToListAsync(cancellationToken);
        var credentials = await db.Credentials.AsNoTracking().ToListAsync(cancellationToken);
        return Pick(reporters, shifts, credentials, now);
    }

    /// <summary>How long on duty is long enough for a demo: past that, the radiologist with more trusts (more work) is first.</summary>
    public static readonly TimeSpan LongEnough = TimeSpan.FromHours(8);

    /// <summary>
    /// The two radiologists are consultants on duty now who stay on duty longest, up to <see cref="LongEnough"/>, counting
    /// a shift that begins as another ends (a night, then a day session) as one stretch: a demo started just before a
    /// change of shift must not lose its radiologists minutes later. The second shares as many trusts as possible with
    /// the first, so the two see common work.
    /// </summary>
    public static Dictionary<string, Reporter> Pick(IReadOnlyList<Reporter> reporters, IReadOnlyList<RotaShift> shifts,
        IReadOnlyList<Credential> credentials, DateTimeOffset now)
    {
        var byReporter = shifts.ToLookup(s => s.ReporterId);
        var valid = credentials.Where(c => c.IsValidAt(now)).ToLookup(c => c.ReporterId);
        var until = reporters.ToDictionary(r => r.Id, r => DutyEnds(byReporter[r.Id], now) is { } end
            ? (end < now + LongEnough ? end : now + LongEnough) : DateTimeOffset.MinValue);
        var consultants = reporters
            .Where(r => r.Role == ProfessionalRole.ConsultantRadiologist
                && !r.RegistrationNumber.StartsWith("TELERAD", StringComparison.Ordinal))
            .OrderByDescending(r => until[r.Id])
            .ThenByDescending(r => valid[r.Id].Count())
            .ToList();
        var picked = new Dictionary<string, Reporter>();
        if (consultants.Count > 1)
        {
            var first = consultants[0];
            var trusts = valid[first.Id].Select(c => c.TrustId).ToHashSet();
            picked["radiologist"] = first;
            picked["radiologist2"] = consultants.Skip(1)
                .OrderByDescending(r => until[r.Id])
                .ThenByDescending(r => valid[r.Id].Count(c => trusts.Contains(c.TrustId)))
                .First();
        }

        // The registrar is on duty too and shares trusts with the radiologists, so the demo can show verification.
        var shared = picked.TryGetValue("radiologist", out var lead) ? valid[lead.Id].Select(c => c.TrustId).ToHashSet() : [];
        if (reporters.Where(r => r.Role == ProfessionalRole.Registrar)
                .OrderByDescending(r => until[r.Id])
                .ThenByDescending(r => valid[r.Id].Count(c => shared.Contains(c.TrustId)))
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

    /// <summary>When the stretch of duty that covers <paramref name="now"/> ends (shifts that meet count as one); null off duty.</summary>
    public static DateTimeOffset? DutyEnds(IEnumerable<RotaShift> shifts, DateTimeOffset now)
    {
        var mine = shifts.ToList();
        if (!mine.Any(s => s.Start <= now && s.End > now))
        {
            return null;
        }

        var end = now;
        while (mine.Where(s => s.Start <= end && s.End > end).Select(s => s.End).DefaultIfEmpty().Max() is var next && next > end)
        {
            end = next;
        }

        return end;
    }
}
