using ImagingWorklist.Application.Dashboards;
using ImagingWorklist.Application.Delivery;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Application.Tests.Reporting;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Tests.Dashboards;

/// <summary>Alerts from raising to acknowledgement, counted for the managers per trust and category, and carried by the delivered
/// report.</summary>
public class AlertAcknowledgementTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AcknowledgementRateAndTimeAreCountedPerTrustAndCategory(DatabaseProvider provider)
    {
        await using var world = await ReportingWorld.CreateAsync(provider);
        var consultant = world.Consultant(0);
        var actor = world.As(consultant);
        var clock = world.World.Clock;
        var start = clock.GetUtcNow();
        await world.ClaimAndDraftAsync(consultant, "Large right pneumothorax.");

        var critical =
            (await world.Findings.RaiseAsync(world.Exam.Id, consultant.Id, FindingCategory.Critical, "Tension pneumothorax", null,
            new Communication("Dr A Khan, ED registrar", CommunicationMethod.Telephone, start), actor)).ValueOrThrow();
        var urgent =
            (await world.Findings.RaiseAsync(world.Exam.Id, consultant.Id, FindingCategory.Urgent, "Rib fractures", null, null, actor))
            .ValueOrThrow();
        var cancer = (await world.Findings.RaiseAsync(world.Exam.Id, consultant.Id, FindingCategory.Cancer, "Right upper lobe mass", "lung",
            new Communication("Dr P Jones, GP", CommunicationMethod.SecureMessage, start), actor)).ValueOrThrow();

        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.True((await world.Findings.AcknowledgeAsync(critical, "Dr A Khan", clock.GetUtcNow(), actor, AccessScope.WholeNetwork))
            .Succeeded);
        Assert.Contains("who was told",
            (await world.Findings.AcknowledgeAsync(urgent, "Dr B", clock.GetUtcNow(), actor, AccessScope.WholeNetwork)).Reason,
            StringComparison.Ordinal);
        Assert.True(
            (await world.Findings.CommunicateAsync(urgent,
            new Communication("Dr B Osei, ED consultant", CommunicationMethod.Bleep, clock.GetUtcNow()), actor,
            AccessScope.WholeNetwork)).Succeeded);
        clock.Advance(TimeSpan.FromHours(25));
        Assert.Equal(1, await world.Findings.EscalateOverdueAsync());
        Assert.True((await world.Findings.AcknowledgeAsync(cancer, "Dr P Jones", clock.GetUtcNow(), actor, AccessScope.WholeNetwork))
            .Succeeded);

        var rows = await new AlertAcknowledgementQuery(world.World.Database)
            .RowsAsync(start.AddDays(-1), clock.GetUtcNow(), AccessScope.WholeNetwork);

        Assert.Equal([FindingCategory.Critical, FindingCategory.Urgent, FindingCategory.Cancer], rows.Select(r => r.Category));
        Assert.All(rows, r => Assert.Equal("Alpha Trust", r.TrustName));
        Assert.Equal((1, 1, 1, 1.0, 30.0),
            (rows[0].Raised, rows[0].Acknowledged, rows[0].InTime, rows[0].InTimeShare, rows[0].MedianMinutes));
        Assert.Equal((0, 1, 1, 0.0, (double?)null),
            (rows[1].Acknowledged, rows[1].Escalated, rows[1].Open, rows[1].InTimeShare, rows[1].MedianMinutes));
        Assert.Equal((1, 1, 25 * 60 + 30.0), (rows[2].Acknowledged, rows[2].InTime, rows[2].MedianMinutes));
        Assert.Empty(await new AlertAcknowledgementQuery(world.World.Database)
            .RowsAsync(start.AddDays(-1), clock.GetUtcNow(), AccessScope.ForTrusts(["RTB"])));

        var alerts = await world.Findings.AlertsAsync(AccessScope.WholeNetwork, world.Exam.Id);
        Assert.Equal([FindingState.Acknowledged, FindingState.Escalated, FindingState.Acknowledged], alerts.OrderBy(a => a.RaisedAt)
            .ThenBy(a => a.Category).Select(a => a.State));
        await using var db = world.World.Database.CreateDbContext();
        var trail = await db.AuditEvents.Where(a => a.ExamId == world.Exam.Id).Select(a => a.Action).ToListAsync();
        Assert.Contains(AuditAction.FindingRaised, trail);
        Assert.Equal(3, trail.Count(a => a == AuditAction.CritNotification));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheDeliveredReportCarriesEachAlertsNationalCodeFirst(DatabaseProvider provider)
    {
        await using var world = await ReportingWorld.CreateAsync(provider);
        var consultant = world.Consultant(0);
        await world.ClaimAndDraftAsync(consultant, "Right upper lobe mass.\nNo effusion.");
        await world.Findings.RaiseAsync(world.Exam.Id, consultant.Id, FindingCategory.Cancer, "Right upper lobe mass", "lung",
            new Communication("Dr P Jones, GP", CommunicationMethod.SecureMessage, world.World.Clock.GetUtcNow()), world.As(consultant));

        Assert.True((await world.Reports.SignAsync(world.Exam.Id, consultant.Id, world.Exam.Patient, world.As(consultant))).Succeeded);

        await using var db = world.World.Database.CreateDbContext();
        var document = ReportDocument.FromJson((await db.OutboundReports.SingleAsync()).Document);
        Assert.Equal(["ALERT: CANCER (suspected primary: lung) - Right upper lobe mass", "Right upper lobe mass.", "No effusion."],
            document.Lines);
        var oru = Hl7ReportMessage.Build(document, "C1", world.World.Clock.GetUtcNow());
        Assert.Contains("OBX|1|TX|", oru, StringComparison.Ordinal);
        Assert.Contains("||ALERT: CANCER (suspected primary: lung) - Right upper lobe mass||", oru, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheOperationsSnapshotCountsReportsAlertsAndFollowUpsThatWait(DatabaseProvider provider)
    {
        await using var world = await ReportingWorld.CreateAsync(provider);
        var consultant = world.Consultant(0);
        var clock = world.World.Clock;
        var operations = new OperationsQuery(world.World.Database, clock);
        Assert.Equal(new OperationsSnapshot(0, TimeSpan.Zero, 0, 0), await operations.SnapshotAsync());

        await world.ClaimAndDraftAsync(consultant, "Mass.");
        await world.Findings.RaiseAsync(world.Exam.Id, consultant.Id, FindingCategory.Urgent, "Rib fractures", null, null,
            world.As(consultant));
        var followUps = new Application.FollowUps.FollowUpService(world.World.Database, world.World.Announce, new FollowUpPolicy(), clock);
        var due = Domain.Common.UkCalendar.DayOf(clock.GetUtcNow()).AddDays(14);
        Assert.True((await followUps.RecommendAsync(world.Exam.Id, consultant.Id,
            new Application.FollowUps.FollowUpRequest(null, due, "Review", FollowUpRecipient.Referrer, "Dr Z"), world.As(consultant)))
                .Succeeded);
        Assert.True((await world.Reports.SignAsync(world.Exam.Id, consultant.Id, world.Exam.Patient, world.As(consultant))).Succeeded);
        clock.Advance(TimeSpan.FromDays(16));

        Assert.Equal(new OperationsSnapshot(1, TimeSpan.FromDays(16), 1, 1), await operations.SnapshotAsync());
    }
}
