using ImagingWorklist.Application.Reporting;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Rota;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;

namespace ImagingWorklist.Application.Tests.Reporting;

/// <summary>A registrar is told who can verify their report, or when someone will; managers see the waits nobody can take.</summary>
public class VerifiersTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheOutlookNamesWhoIsOnDutyOrWhenTheFirstEligibleConsultantComesOn(DatabaseProvider provider)
    {
        await using var world = await ReportingWorld.CreateAsync(provider);
        var clock = world.World.Clock;
        var now = clock.GetUtcNow();
        var verifiers = new Verifiers(world.World.Database, clock);
        await using (var db = world.World.Database.CreateDbContext())
        {
            var beta = db.Trusts.Single(t => t.Id != world.Exam.TrustId).Id;
            // Dr Reporter 1 comes back sooner, but only for the other trust; Dr Reporter 2 comes back for the whole network.
            db.RotaShifts.Add(
                new RotaShift(Guid.NewGuid(), world.Consultant(0).Id, ShiftKind.InHoursSession, now.AddHours(10), now.AddHours(14),
                CoverScope.Trusts, [beta], 240));
            db.RotaShifts.Add(
                new RotaShift(Guid.NewGuid(), world.Consultant(1).Id, ShiftKind.InHoursSession, now.AddHours(22), now.AddHours(30),
                CoverScope.Network, [], 240));
            await db.SaveChangesAsync();
        }

        await world.ClaimAndDraftAsync(world.Registrar, "Acute infarct.");
        (await world.Reports.SignAsync(world.Exam.Id, world.Registrar.Id, world.Exam.Patient, world.RegistrarActor)).ValueOrThrow();

        var duringTheSession = await verifiers.ForExamAsync(world.Exam.Id, world.Registrar.Id);
        Assert.Equal(["Dr Reporter 1", "Dr Reporter 2"], duringTheSession!.OnDutyNow);
        Assert.Empty(await verifiers.WaitingWithNobodyOnDutyAsync(AccessScope.WholeNetwork));

        // The session ends: nobody on duty until Dr Reporter 2's next shift, and the managers see the wait.
        clock.Advance(TimeSpan.FromHours(7));
        var overnight = await verifiers.ForExamAsync(world.Exam.Id, world.Registrar.Id);
        Assert.True(overnight!.NobodyOnDuty);
        Assert.Equal((now.AddHours(22), "Dr Reporter 2"), (overnight.NextOnDutyAt, overnight.NextOnDuty));
        var wait = Assert.Single(await verifiers.WaitingWithNobodyOnDutyAsync(AccessScope.WholeNetwork));
        Assert.Equal((world.Exam.Id, "Dr Reporter 2"), (wait.ExamId, wait.Outlook.NextOnDuty));
        Assert.Empty(await verifiers.WaitingWithNobodyOnDutyAsync(AccessScope.ForTrusts(["RTB"])));

        // Nobody at all on the rota within the week.
        clock.Advance(TimeSpan.FromHours(24));
        var nobody = await verifiers.ForExamAsync(world.Exam.Id, world.Registrar.Id);
        Assert.Equal((true, null), (nobody!.NobodyOnDuty, nobody.NextOnDutyAt));
        Assert.Null(await verifiers.ForExamAsync(Guid.NewGuid(), null));
    }
}
