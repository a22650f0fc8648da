using ImagingWorklist.Application.Tests.Claiming;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Tests.Engine;

/// <summary>The host keeps this instance's engine equal to the database when another instance made the change.</summary>
public class WorklistEngineHostTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RefreshingAnExamTakesWhatAnotherInstanceCommitted(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider);
        var reporter = world.Reporters[0].Id;
        var exam = world.Exams[0].Id;
        await using (var db = world.Database.CreateDbContext())
        {
            var row = await db.Exams.SingleAsync(e => e.Id == exam);
            Assert.True(row.Hold("Awaiting priors", world.Clock.GetUtcNow()).Succeeded);
            await db.SaveChangesAsync();
        }

        Assert.Contains(world.Engine.RankedFor(reporter), r => r.Exam.Id == exam);
        await world.Engine.RefreshExamAsync(exam);

        Assert.DoesNotContain(world.Engine.RankedFor(reporter), r => r.Exam.Id == exam);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RefreshingOneReporterTakesTheirRotaAndLeavesOthersAlone(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider);
        var (first, second) = (world.Reporters[0].Id, world.Reporters[1].Id);
        await using (var db = world.Database.CreateDbContext())
        {
            await db.RotaShifts.Where(s => s.ReporterId == first || s.ReporterId == second).ExecuteDeleteAsync();
        }

        await world.Engine.RefreshReportersAsync(first);

        Assert.Empty(world.Engine.RankedFor(first));
        Assert.NotEmpty(world.Engine.RankedFor(second));
        await world.Engine.RefreshReportersAsync(null);
        Assert.Empty(world.Engine.RankedFor(second));
    }
}
