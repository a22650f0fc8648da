using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Application.Tests.Claiming;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Tests.Realtime;

/// <summary>
/// The one announce path: after a commit the change reaches this instance's engine first, then every listener, marked
/// with this instance as its origin; a change from another instance makes this one read the database again.
/// </summary>
public class ChangeAnnouncerTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnExamChangeReachesTheEngineBeforeAnyListenerAndNamesItsOrigin(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider);
        var reporter = world.Reporters[0].Id;
        var examId = world.Exams[0].Id;
        bool? rankedWhenHeard = null;
        using var listener = world.Dispatcher.Subscribe(_ =>
        {
            rankedWhenHeard ??= world.Engine.RankedFor(reporter).Any(r => r.Exam.Id == examId);
            return Task.CompletedTask;
        });
        await using var db = world.Database.CreateDbContext();
        var exam = await db.Exams.SingleAsync(e => e.Id == examId);
        Assert.True(exam.Hold("Awaiting priors", world.Clock.GetUtcNow()).Succeeded);
        await db.SaveChangesAsync();

        await world.Announce.ExamAsync(exam, WorklistChangeKind.ExamUpdated);

        Assert.False(rankedWhenHeard);
        var change = Assert.Single(world.Announced);
        Assert.Equal((WorklistChangeKind.ExamUpdated, examId, exam.Version, world.Engine.InstanceId),
            (change.Kind, change.ExamId, change.Version, change.Origin));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ARotaChangeIsReadIntoTheEngineHereAndAnnouncedForTheReporter(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider);
        var reporter = world.Reporters[0].Id;
        await using (var db = world.Database.CreateDbContext())
        {
            await db.RotaShifts.Where(s => s.ReporterId == reporter).ExecuteDeleteAsync();
        }

        await world.Announce.RotaAsync(reporter);

        Assert.Empty(world.Engine.RankedFor(reporter));
        var change = Assert.Single(world.Announced);
        Assert.Equal((WorklistChangeKind.RotaChanged, reporter, world.Engine.InstanceId), (change.Kind, change.ReporterId, change.Origin));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AChangeFromAnotherInstanceIsReadAgainAndOneFromThisInstanceIsNot(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider);
        var reporter = world.Reporters[0].Id;
        var examId = world.Exams[0].Id;
        await using (var db = world.Database.CreateDbContext())
        {
            var exam = await db.Exams.SingleAsync(e => e.Id == examId);
            Assert.True(exam.Hold("Awaiting priors", world.Clock.GetUtcNow()).Succeeded);
            await db.SaveChangesAsync();
        }

        await world.Dispatcher.DispatchAsync(new WorklistChange(WorklistChangeKind.ExamUpdated, examId, 2, null, world.Engine.InstanceId));
        Assert.Contains(world.Engine.RankedFor(reporter), r => r.Exam.Id == examId);

        await world.Dispatcher.DispatchAsync(new WorklistChange(WorklistChangeKind.ExamUpdated, examId, 2, null, "another-instance"));
        Assert.DoesNotContain(world.Engine.RankedFor(reporter), r => r.Exam.Id == examId);
    }
}
