using ImagingWorklist.Application.Dashboards;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Network;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Domain.Rota;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;

namespace ImagingWorklist.Application.Tests.Dashboards;

/// <summary>
/// Dr A (an eight-hour, 240-minute session that began two hours ago, and a 240-minute first on-call night yesterday) signs
/// two CT heads in the session, one during the night and one before the period; releases two exams and skips one in the
/// period (and released one before it). Dr B (the same session) signs one CT head at Beta. A CT head is 16 expected minutes.
/// </summary>
public class ReporterActivityTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ThroughputOutOfHoursReleasesSkipsAndUtilisationAreCountedPerReporter(DatabaseProvider provider)
    {
        var now = TestClock.Create().GetUtcNow();
        await using var database = await TestDatabase.CreateAsync(provider);
        var fixture = new NetworkFixture();
        var (a, aRows) = fixture.OnDutyReporter("Dr A", now);
        var (b, bRows) = fixture.OnDutyReporter("Dr B", now);
        var night =
            new RotaShift(Guid.NewGuid(), a.Id, ShiftKind.OnCallFirst, now.AddHours(-31), now.AddHours(-17), CoverScope.Network, [], 240);
        var rows = new List<object>();
        void Signed(Reporter by, Site site, DateTimeOffset at)
        {
            var exam = fixture.ReadyExam(site, now, now - at + TimeSpan.FromHours(1));
            var report = Report.StartDraft(Guid.NewGuid(), exam.Id, by.Id, "No acute abnormality.", at.AddMinutes(-10));
            Assert.True(report.Sign(by.Id, at).Succeeded);
            rows.AddRange([exam, report]);
        }

        Signed(a, fixture.SiteA, now.AddHours(-2));
        Signed(a, fixture.SiteA, now.AddHours(-1));
        Signed(a, fixture.SiteA, now.AddHours(-24));
        Signed(b, fixture.SiteB, now.AddHours(-1));
        Signed(a, fixture.SiteA, now.AddDays(-9));
        AuditEvent Audit(AuditAction action, int hoursAgo) =>
            new(Guid.NewGuid(), now.AddHours(-hoursAgo), action, "dr.a", Guid.NewGuid(), fixture.TrustA.Id, "test", "test", "reason");
        rows.AddRange(
            [Audit(AuditAction.Sendback, 3), Audit(AuditAction.Sendback, 5), Audit(AuditAction.CaseSkipped, 4),
            Audit(AuditAction.Sendback, 24 * 10)]);
        await using (var db = database.CreateDbContext())
        {
            db.AddRange([.. fixture.Organisations, .. aRows, .. bRows, night, .. rows]);
            db.Users.Add(new WorklistUser { UserName = "dr.a", NormalizedUserName = "DR.A", ReporterId = a.Id });
            await db.SaveChangesAsync();
        }

        var query = new ReporterActivityQuery(database);
        var report = await query.ReportAsync(now.AddDays(-7), now, AccessScope.WholeNetwork);

        var rowA = report.Rows.Single(r => r.ReporterId == a.Id);
        Assert.Equal((3, 48, 16, 2, 1), (rowA.Reports, rowA.Minutes, rowA.OutOfHoursMinutes, rowA.Releases, rowA.Skips));
        Assert.Equal(new Dictionary<Skill, int> { [Skill.Neuro] = 48 }, rowA.MinutesBySkill);

        // Capacity: the session is 2 of its 8 hours in the period (60 of 240 minutes), the night all 240.
        Assert.Equal(300, rowA.CapacityMinutes, precision: 6);
        Assert.Equal(48 / 300.0, rowA.Utilisation!.Value, precision: 6);
        Assert.Equal(48, rowA.OnDutyMinutes);
        Assert.Equal(2 / 5.0, rowA.ReleaseRate, precision: 6);
        var rowB = report.Rows.Single(r => r.ReporterId == b.Id);
        Assert.Equal((1, 16, 0, 60.0), (rowB.Reports, rowB.Minutes, rowB.OutOfHoursMinutes, rowB.CapacityMinutes));
        Assert.Equal(rowA, report.Rows[0]);
        Assert.Equal(16, report.NetworkMinutesPerReport, precision: 6);

        // A reporter sees their own row, with the network beside it; a trust's manager sees only that trust's work.
        var own = await query.ReportAsync(now.AddDays(-7), now, AccessScope.WholeNetwork, only: b.Id);
        Assert.Equal(b.Id, Assert.Single(own.Rows).ReporterId);
        Assert.Equal(2, own.ReportersCompared);
        var alpha = await query.ReportAsync(now.AddDays(-7), now, AccessScope.ForTrusts([fixture.TrustA.OdsCode.Value]));
        Assert.Equal(0, alpha.Rows.Single(r => r.ReporterId == b.Id).Reports);
        Assert.Equal(3, alpha.Rows.Single(r => r.ReporterId == a.Id).Reports);
    }
}
