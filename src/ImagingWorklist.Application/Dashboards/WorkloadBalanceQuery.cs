using ImagingWorklist.Application.Engine;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Dashboards;

/// <summary>
/// The balance of work between reporters, week by week: each reporter's credit (expected reading minutes signed) against
/// their rostered capacity. A manager sees the reporters credentialed for their trusts, with all their work (the balance
/// is about the person); a reporter sees their own beside everyone's mean share.
/// </summary>
public sealed class WorkloadBalanceQuery(IDbContextFactory<WorklistDbContext> contexts, TimeProvider clock)
{
    public const int MaxWeeks = 12;

    public async Task<WorkloadBalance> WeeksAsync(AccessScope scope, Guid? only, int weeks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        weeks = Math.Clamp(weeks, 1, MaxWeeks);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reporters = db.Reporters.AsNoTracking();
        if (only is { } one)
        {
            reporters = reporters.Where(r => r.Id == one);
        }
        else if (await scope.TrustIdsAsync(db, now, cancellationToken) is { } trusts)
        {
            reporters = reporters.Where(r => db.Credentials.Any(c => c.ReporterId == r.Id && trusts.Contains(c.TrustId)));
        }

        var people = await reporters.OrderBy(r => r.DisplayName).Select(r => new { r.Id, r.DisplayName }).ToListAsync(cancellationToken);
        var starts = Enumerable.Range(1, weeks).Select(w => now.AddDays(-7 * w)).ToList();
        var byWeek = new List<Dictionary<Guid, WorkloadCredit>>();
        foreach (var start in starts)
        {
            byWeek.Add(await WorkloadCredits.ReadAsync(db, null, start, start.AddDays(7), cancellationToken));
        }

        var none = new WorkloadCredit(0, 0);
        return new WorkloadBalance(
            starts,
            now,
            [.. people.Select(p =>
                new WorkloadBalanceRow(p.Id, p.DisplayName, [.. byWeek.Select(w => w.GetValueOrDefault(p.Id) ?? none)]))],
            [.. byWeek.Select(MeanShare)]);
    }

    /// <summary>The mean share of every reporter rostered in the week, or null when nobody was.</summary>
    private static double? MeanShare(Dictionary<Guid, WorkloadCredit> week)
    {
        var shares = week.Values.Where(c => c.Share is not null).Select(c => c.Share!.Value).ToList();
        return shares.Count == 0 ? null : shares.Average();
    }
}
