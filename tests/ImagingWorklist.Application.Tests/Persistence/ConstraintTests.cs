using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Tests.Persistence;

public class ConstraintTests
{
    private static readonly DateTimeOffset Now = TestClock.Now;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AStaleWriteOfAnExamIsRefusedByTheConcurrencyToken(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var fixture = new NetworkFixture();
        var exam = fixture.ReadyExam(fixture.SiteA, Now, TimeSpan.FromHours(1));
        await using (var seed = database.CreateDbContext())
        {
            seed.AddRange([.. fixture.Organisations, exam]);
            await seed.SaveChangesAsync();
        }

        await using var first = database.CreateDbContext();
        await using var second = database.CreateDbContext();
        var mine = await first.Exams.SingleAsync();
        var theirs = await second.Exams.SingleAsync();
        Assert.True(mine.Claim(Guid.NewGuid(), Guid.NewGuid(), TimeSpan.FromMinutes(20), Now).Succeeded);
        Assert.True(theirs.Claim(Guid.NewGuid(), Guid.NewGuid(), TimeSpan.FromMinutes(20), Now).Succeeded);

        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = database.CreateDbContext();
        var stored = await check.Exams.SingleAsync();
        Assert.Equal(mine.ClaimedById, stored.ClaimedById);

        // A refused write must not leave later writers waiting (SQLite queues its writers in-process).
        Assert.True(stored.Hold("Checking the queue still moves", Now).Succeeded);
        await check.SaveChangesAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnAccessionNumberIsUniqueWithinATrustButNotAcrossTrusts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var fixture = new NetworkFixture();
        var original = fixture.ReadyExam(fixture.SiteA, Now, TimeSpan.FromHours(1));
        var otherTrust = fixture.ReadyExam(fixture.SiteB, Now, TimeSpan.FromHours(1), accession: original.Accession.Value);
        await using (var db = database.CreateDbContext())
        {
            db.AddRange([.. fixture.Organisations, original, otherTrust]);
            await db.SaveChangesAsync();
        }

        await using var duplicateContext = database.CreateDbContext();
        duplicateContext.Add(fixture.ReadyExam(fixture.SiteA, Now, TimeSpan.FromHours(1), accession: original.Accession.Value));

        await Assert.ThrowsAsync<DbUpdateException>(() => duplicateContext.SaveChangesAsync());
    }
}
