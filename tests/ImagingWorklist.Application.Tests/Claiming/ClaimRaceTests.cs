using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Tests.Claiming;

public class ClaimRaceTests
{
    private const int Claimers = 32;
    private const int Exams = 320;

    /// <summary>32 reporters race for the same 320 exams: 10,240 attempts, and exactly one winner for each exam.</summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ThirtyTwoConcurrentClaimersProduceExactlyOneWinnerPerExam(DatabaseProvider provider)
    {
        await using var world = await ClaimingWorld.CreateAsync(provider, reporters: Claimers, exams: Exams);
        var start = new TaskCompletionSource();
        var winners = new int[Exams];
        var attempts = 0;
        var errors = new List<string>();

        var racers = Enumerable.Range(0, Claimers).Select(r => Task.Run(async () =>
        {
            await start.Task;
            var order = world.Exams.Select((e, i) => (e, i)).OrderBy(_ => Random.Shared.Next()).ToList();
            foreach (var (exam, index) in order)
            {
                Interlocked.Increment(ref attempts);
                try
                {
                    var outcome = await world.Claims.ClaimAsync(exam.Id, world.Reporters[r].Id, world.As(r));
                    if (outcome.Succeeded)
                    {
                        Interlocked.Increment(ref winners[index]);
                    }
                }
                catch (Exception exception)
                {
                    lock (errors)
                    {
                        errors.Add(exception.GetType().Name + ": " + exception.Message);
                    }
                }
            }
        })).ToList();
        start.SetResult();
        await Task.WhenAll(racers);

        Assert.Empty(errors);
        Assert.Equal(Claimers * Exams, attempts);
        Assert.All(winners, w => Assert.Equal(1, w));
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(Exams, await db.AuditEvents.CountAsync());
        Assert.Equal(Exams, await db.Exams.CountAsync(e => e.ClaimedById != null));
    }
}
