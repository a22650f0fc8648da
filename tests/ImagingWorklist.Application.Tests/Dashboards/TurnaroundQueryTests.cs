using ImagingWorklist.Application.Dashboards;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Network;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;

namespace ImagingWorklist.Application.Tests.Dashboards;

/// <summary>
/// Outpatient CT at Alpha, reported this week with turnarounds of 10, 20, 30 and 200 minutes and 35 days (the last past
/// both its 21-day target and the 4-week maximum); one MR at Beta in 3 hours; one CT at Alpha reported before the period.
/// </summary>
public class TurnaroundQueryTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PercentilesMaximumAndSharesAreCountedByTheDatabasePerPathwayTrustAndModality(DatabaseProvider provider)
    {
        var clock = TestClock.Create();
        var now = clock.GetUtcNow();
        await using var database = await TestDatabase.CreateAsync(provider);
        var fixture = new NetworkFixture();
        var (reporter, rows) = fixture.OnDutyReporter("Dr Fast", now);
        Exam Reported(Site site, TimeSpan examinedAgo, TimeSpan took, Modality modality = Modality.CT)
        {
            var exam = fixture.ReadyExam(site, now, examinedAgo, modality: modality);
            var performed = now - examinedAgo;
            exam.Claim(reporter.Id, Guid.NewGuid(), TimeSpan.FromDays(60), performed);
            Assert.True(exam.Finalise(reporter.Id, performed + took).Succeeded);
            return exam;
        }

        Exam[] exams =
        [
            Reported(fixture.SiteA, TimeSpan.FromDays(1), TimeSpan.FromMinutes(10)),
            Reported(fixture.SiteA, TimeSpan.FromDays(2), TimeSpan.FromMinutes(20)),
            Reported(fixture.SiteA, TimeSpan.FromDays(3), TimeSpan.FromMinutes(30)),
            Reported(fixture.SiteA, TimeSpan.FromDays(4), TimeSpan.FromMinutes(200)),
            Reported(fixture.SiteA, TimeSpan.FromDays(36), TimeSpan.FromDays(35)),
            Reported(fixture.SiteB, TimeSpan.FromDays(1), TimeSpan.FromHours(3), Modality.MR),
            Reported(fixture.SiteA, TimeSpan.FromDays(20), TimeSpan.FromMinutes(5)),
        ];
        await using (var db = database.CreateDbContext())
        {
            db.AddRange([.. fixture.Organisations, .. rows, .. exams]);
            await db.SaveChangesAsync();
        }

        var report = await new TurnaroundQuery(database).ReportAsync(now.AddDays(-7), now, AccessScope.WholeNetwork);

        Assert.Equal(2, report.Rows.Count);
        var ct = report.Rows.Single(r => r.Modality == Modality.CT);
        Assert.Equal((Pathway.Outpatient, "Alpha Trust", 5, 35 * 24 * 60, 4, 1),
            (ct.Pathway, ct.TrustName, ct.Reported, ct.MaxMinutes, ct.WithinTarget, ct.OverFourWeeks));
        Assert.InRange(ct.P50Minutes, 15, 30);
        Assert.InRange(ct.P90Minutes, TurnaroundQuery.FourWeeksMinutes, 35 * 24 * 60);
        Assert.Equal((0.8, 0.2), (ct.WithinTargetShare, ct.OverFourWeeksShare));
        var mr = report.Rows.Single(r => r.Modality == Modality.MR);
        Assert.Equal((1, 180, "Beta Trust"), (mr.Reported, mr.MaxMinutes, mr.TrustName));
        Assert.InRange(mr.P50Minutes, 120, 180);
        Assert.Equal("Beta Trust",
            Assert.Single((await new TurnaroundQuery(database).ReportAsync(now.AddDays(-7), now, AccessScope.ForTrusts(["RTB"]))).Rows)
            .TrustName);
    }

    [Fact]
    public void APercentileIsInterpolatedWithinItsBucket()
    {
        var counts = new int[TurnaroundQuery.Edges.Length + 1];
        counts[0] = 2; // two in (0, 15]
        counts[1] = 2; // two in (15, 30]

        Assert.Equal(15, TurnaroundQuery.Percentile(counts, 0.5, 30));
        Assert.Equal(27, TurnaroundQuery.Percentile(counts, 0.9, 30)); // rank 3.6: 1.6 of the 2 in (15, 30]
        Assert.Equal(0, TurnaroundQuery.Percentile(new int[TurnaroundQuery.Edges.Length + 1], 0.5, 0));
    }
}
