using ImagingWorklist.Application.Engine;
using ImagingWorklist.Application.Tests.Reporting;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;

namespace ImagingWorklist.Application.Tests.Engine;

/// <summary>Workload credit is read from the stored reports and rota, on both providers (decision 0025).</summary>
public sealed class WorkloadCreditTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreditCountsWhatEachFirstSignedAtItsMinutesAgainstTheShiftsInsideTheWindow(DatabaseProvider provider)
    {
        await using var world = await ReportingWorld.CreateAsync(provider);
        var consultant = world.Consultant(0);
        await world.SignAsync(consultant, "Findings: normal.");

        // The registrar's report waits for verification, and is credited to the registrar who wrote it.
        var second = world.World.Exams[1];
        Assert.True((await world.World.Claims.ClaimAsync(second.Id, world.Registrar.Id, world.RegistrarActor)).Succeeded);
        var drafted = await world.Reports.SaveDraftAsync(second.Id, world.Registrar.Id, "Findings: normal.", world.RegistrarActor);
        Assert.True(drafted.Succeeded, drafted.Reason);
        var submitted = await world.Reports.SignAsync(second.Id, world.Registrar.Id, second.Patient, world.RegistrarActor);
        Assert.True(submitted.Succeeded, submitted.Reason);
        var now = world.World.Clock.GetUtcNow();

        Dictionary<Guid, WorkloadCredit> credits;
        await using (var db = world.World.Database.CreateDbContext())
        {
            credits = await WorkloadCredits.ReadAsync(db, null, now.AddDays(-7), now.AddSeconds(1), CancellationToken.None);
        }

        Assert.Equal(world.Exam.ExpectedReadingMinutes, credits[consultant.Id].Minutes);
        Assert.Equal(second.ExpectedReadingMinutes, credits[world.Registrar.Id].Minutes);
        Assert.Equal(0, credits[world.Consultant(1).Id].Minutes);

        // The shifts run from two hours ago for eight hours: about a quarter of each is inside a window ending a second from now.
        var inside = (int)Math.Round(100_000 * ((TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1)) / TimeSpan.FromHours(8)));
        Assert.Equal(inside, credits[world.Consultant(1).Id].CapacityMinutes);
        Assert.Equal((double)world.Exam.ExpectedReadingMinutes / inside, credits[consultant.Id].Share!.Value, 9);

        // A week on, nothing signed is inside the window any more.
        await using (var db = world.World.Database.CreateDbContext())
        {
            var later = now.AddDays(8);
            var old = await WorkloadCredits.ReadAsync(db, consultant.Id, later.AddDays(-7), later, CancellationToken.None);
            Assert.Equal(0, old.GetValueOrDefault(consultant.Id)?.Minutes ?? 0);
            Assert.DoesNotContain(world.Consultant(1).Id, old.Keys);
        }
    }
}
