using ImagingWorklist.Application.Dashboards;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Application.Tests.Reporting;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;

namespace ImagingWorklist.Application.Tests.Dashboards;

/// <summary>The balance of work by week, for managers (within their trusts) and for each reporter, on both providers.</summary>
public sealed class WorkloadBalanceTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EachWeekShowsWhatEveryReporterSignedAgainstTheirRosteredCapacity(DatabaseProvider provider)
    {
        await using var world = await ReportingWorld.CreateAsync(provider);
        var (signer, other) = (world.Consultant(0), world.Consultant(1));
        await world.SignAsync(signer, "Findings: normal.");
        world.World.Clock.Advance(TimeSpan.FromMinutes(1));
        var query = new WorkloadBalanceQuery(world.World.Database, world.World.Clock);

        var all = await query.WeeksAsync(AccessScope.WholeNetwork, null, 4);

        Assert.Equal(4, all.WeekStarts.Count);
        Assert.Equal(all.To.AddDays(-7), all.WeekStarts[0]);
        var signed = all.Rows.Single(r => r.ReporterId == signer.Id);
        Assert.Equal(world.Exam.ExpectedReadingMinutes, signed.Weeks[0].Minutes);
        Assert.Equal([0, 0, 0], signed.Weeks.Skip(1).Select(w => w.Minutes));
        Assert.Equal(0, all.Rows.Single(r => r.ReporterId == other.Id).Weeks[0].Minutes);
        Assert.NotNull(all.MeanShares[0]);
        Assert.Null(all.MeanShares[3]);
        Assert.Equal(world.World.Reporters.Count + 1, all.Rows.Count);

        var own = await query.WeeksAsync(AccessScope.ForReporter(other.Id), other.Id, 2);
        Assert.Equal([other.Id], own.Rows.Select(r => r.ReporterId));
        Assert.Equal(2, own.WeekStarts.Count);
        Assert.Equal(all.MeanShares[0], own.MeanShares[0]);
        Assert.Empty((await query.WeeksAsync(AccessScope.ForTrusts(["NOSUCH"]), null, 1)).Rows);
        Assert.Equal(WorkloadBalanceQuery.MaxWeeks, (await query.WeeksAsync(AccessScope.WholeNetwork, null, 99)).WeekStarts.Count);
    }
}
