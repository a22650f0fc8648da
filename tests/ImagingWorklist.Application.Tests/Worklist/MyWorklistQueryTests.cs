using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Tests.Claiming;
using ImagingWorklist.Application.Worklist;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;

namespace ImagingWorklist.Application.Tests.Worklist;

public class MyWorklistQueryTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheReporterSeesTheEnginesRankingWithTheirHeldExamsApartAndTheirFilterApplied(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider, exams: 4);
        var query = new MyWorklistQuery(world.Engine, new OpenExamsQuery(world.Database, world.Clock));
        var reporter = world.Reporters[0].Id;
        var held = world.Exams[0];
        Assert.True((await world.Claims.ClaimAsync(held.Id, reporter, new Actor("dr", reporter))).Succeeded);

        var all = await query.LoadAsync(reporter, new WorklistFilter());
        var oneTrust = await query.LoadAsync(reporter, new WorklistFilter { Trusts = new HashSet<Guid> { held.TrustId } });

        Assert.Equal([held.Id], all.Held.Select(r => r.ExamId));
        Assert.Equal(world.Engine.RankedFor(reporter).Select(r => r.Exam.Id), all.Rows.Select(r => r.Row.ExamId));
        Assert.All(all.Rows, r => Assert.Equal(r.Ranked.Exam.Id, r.Row.ExamId));
        Assert.DoesNotContain(all.Rows, r => r.Row.ExamId == held.Id);
        Assert.NotEmpty(oneTrust.Rows);
        Assert.All(oneTrust.Rows, r => Assert.Equal(held.TrustId, r.Ranked.Exam.TrustId));
        Assert.True(oneTrust.Rows.Count < all.Rows.Count);
        Assert.Equal(0, all.Skips);
    }
}
