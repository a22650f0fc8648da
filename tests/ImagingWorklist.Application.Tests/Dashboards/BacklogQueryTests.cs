using ImagingWorklist.Application.Dashboards;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;

namespace ImagingWorklist.Application.Tests.Dashboards;

public class BacklogQueryTests
{
    private static readonly DateTimeOffset Now = TestClock.Now;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheBacklogIsCountedPerTrustAsWorkedOutByHand(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var fixture = new NetworkFixture();
        var reporter = Guid.NewGuid();

        // Alpha: ED exam 2 h old (1 h target: overdue); outpatient 1 day old (21 d target: not due soon);
        // one claimed; one on hold; one reported on time in the last week; one reported late.
        var overdue = fixture.ReadyExam(fixture.SiteA, Now, TimeSpan.FromHours(2), Pathway.Emergency, priority: ClinicalPriority.Asap);
        var comfortable = fixture.ReadyExam(fixture.SiteA, Now, TimeSpan.FromDays(1));
        var claimed = fixture.ReadyExam(fixture.SiteA, Now, TimeSpan.FromDays(1));
        claimed.Claim(reporter, Guid.NewGuid(), TimeSpan.FromMinutes(20), Now);
        var held = fixture.ReadyExam(fixture.SiteA, Now, TimeSpan.FromDays(1));
        held.Hold("Awaiting priors", Now);
        var onTime = fixture.ReadyExam(fixture.SiteA, Now, TimeSpan.FromDays(2));
        onTime.Claim(reporter, Guid.NewGuid(), TimeSpan.FromMinutes(20), Now.AddDays(-1));
        onTime.Finalise(reporter, Now.AddDays(-1).AddMinutes(10));
        var late = fixture.ReadyExam(fixture.SiteA, Now, TimeSpan.FromDays(3), Pathway.Emergency, priority: ClinicalPriority.Asap);
        late.Claim(reporter, Guid.NewGuid(), TimeSpan.FromMinutes(20), Now.AddDays(-2));
        late.Finalise(reporter, Now.AddDays(-2).AddMinutes(10));

        // Beta: inpatient CT 40 h old (48 h target: due within 24 h).
        var dueSoon = fixture.ReadyExam(fixture.SiteB, Now, TimeSpan.FromHours(40), Pathway.Inpatient);

        await using (var db = database.CreateDbContext())
        {
            db.AddRange([.. fixture.Organisations, overdue, comfortable, claimed, held, onTime, late, dueSoon]);
            await db.SaveChangesAsync();
        }

        var summary = await new BacklogQuery(database, TestClock.Create()).SummaryAsync(Application.Security.AccessScope.WholeNetwork);

        var alpha = summary.Trusts.Single(t => t.TrustName == "Alpha Trust");
        var beta = summary.Trusts.Single(t => t.TrustName == "Beta Trust");
        Assert.Equal((4, 1, 1, 1, 0), (alpha.Open, alpha.Claimed, alpha.OnHold, alpha.Overdue, alpha.DueWithin24Hours));
        Assert.Equal((2, 1), (alpha.ReportedLast7Days, alpha.ReportedOnTimeLast7Days));
        Assert.Equal(0.5, alpha.OnTimeShare);
        Assert.Equal((1, 0, 1), (beta.Open, beta.Overdue, beta.DueWithin24Hours));
        Assert.Null(beta.OnTimeShare);
        Assert.Equal(5, summary.Open);
        Assert.Equal(new ModalityBacklog(Modality.CT, 5, 1), Assert.Single(summary.Modalities));
    }
}
