using ImagingWorklist.Application.Dashboards;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Network;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;

namespace ImagingWorklist.Application.Tests.Dashboards;

/// <summary>
/// November 2026 (GMT, so UTC midnights): Alpha reports three outpatient CTs in 10, 20 and 30 minutes and one examined
/// on 25 October in 31 days; Beta one outpatient MR in 3 hours; Alpha reported a CT in October (not this month's) and
/// has an ED CT examined on 26 October still unreported.
/// </summary>
public class MonthlyReturnTests
{
    private static readonly DateOnly November = new(2026, 11, 1);
    private static readonly DateTimeOffset From = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheReturnSumsTheMonthPerTrustAndForTheNetworkBySettingAndModality(DatabaseProvider provider)
    {
        var now = TestClock.Create().GetUtcNow();
        await using var database = await TestDatabase.CreateAsync(provider);
        var fixture = new NetworkFixture();
        var (reporter, rows) = fixture.OnDutyReporter("Dr Fast", now);
        Exam Reported(Site site, DateTimeOffset examined, TimeSpan took, Modality modality = Modality.CT)
        {
            var exam = fixture.ReadyExam(site, now, now - examined, modality: modality);
            exam.Claim(reporter.Id, Guid.NewGuid(), TimeSpan.FromDays(60), examined);
            Assert.True(exam.Finalise(reporter.Id, examined + took).Succeeded);
            return exam;
        }

        var day = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        Exam[] exams =
        [
            Reported(fixture.SiteA, day, TimeSpan.FromMinutes(10)),
            Reported(fixture.SiteA, day, TimeSpan.FromMinutes(20)),
            Reported(fixture.SiteA, day, TimeSpan.FromMinutes(30)),
            Reported(fixture.SiteA, new DateTimeOffset(2026, 10, 25, 9, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(31)),
            Reported(fixture.SiteB, day, TimeSpan.FromHours(3), Modality.MR),
            Reported(fixture.SiteA, new DateTimeOffset(2026, 10, 10, 9, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(2)),
            fixture.ReadyExam(fixture.SiteA, now, now - new DateTimeOffset(2026, 10, 26, 9, 0, 0, TimeSpan.Zero), Pathway.Emergency),
        ];
        await using (var db = database.CreateDbContext())
        {
            db.AddRange([.. fixture.Organisations, .. rows, .. exams]);
            await db.SaveChangesAsync();
        }

        var query = new MonthlyReturnQuery(database);
        var result = await query.ReturnAsync(November, From, To, AccessScope.WholeNetwork);

        MonthlyReturnRow Row(string code, string setting, string group) =>
            result.Rows.Single(r => r.OrganisationCode == code && r.Setting == setting && r.ModalityGroup == group);
        var network = Row(MonthlyReturnQuery.NetworkCode, MonthlyReturnQuery.All, MonthlyReturnQuery.All);
        Assert.Equal((5, 4, 1, 1), (network.Reported, network.WithinTarget, network.ReportedOverFourWeeks, network.WaitingOverFourWeeks));
        var alpha = fixture.TrustA.OdsCode.Value;
        var alphaCt = Row(alpha, "Outpatient", "CT");
        Assert.Equal((4, 3, 1, 0), (alphaCt.Reported, alphaCt.WithinTarget, alphaCt.ReportedOverFourWeeks, alphaCt.WaitingOverFourWeeks));
        Assert.InRange(alphaCt.MedianHours, 15 / 60.0, 30 / 60.0);
        Assert.Equal(0.75, alphaCt.WithinTargetShare);
        var waiting = Row(alpha, "Emergency department", "CT");
        Assert.Equal((0, 1), (waiting.Reported, waiting.WaitingOverFourWeeks));
        var betaMr = Row(fixture.TrustB.OdsCode.Value, "Outpatient", "MR");
        Assert.Equal(1, betaMr.Reported);
        Assert.InRange(betaMr.MedianHours, 2, 3);
        Assert.DoesNotContain(result.Rows, r => r.OrganisationCode == alpha && r.ModalityGroup == "MR");

        var betaOnly = await query.ReturnAsync(November, From, To, AccessScope.ForTrusts([fixture.TrustB.OdsCode.Value]));
        var betaNetwork =
            betaOnly.Rows.Single(r => r.OrganisationCode == MonthlyReturnQuery.NetworkCode && r.Setting == MonthlyReturnQuery.All
            && r.ModalityGroup == MonthlyReturnQuery.All);
        Assert.Equal(1, betaNetwork.Reported);
        Assert.EndsWith("(your trusts)", betaNetwork.Organisation, StringComparison.Ordinal);
        Assert.DoesNotContain(betaOnly.Rows, r => r.OrganisationCode == alpha);
    }
}
