using ImagingWorklist.Domain.Reporting;

namespace ImagingWorklist.Domain.Tests.Reporting;

public class CriticalFindingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly CriticalFindingPolicy Policy = new();
    private static readonly CriticalFindingPolicy Everything = new() { Categories = "Critical, Urgent, Cancer, Significant unexpected" };

    [Theory]
    [InlineData(FindingCategory.Critical, 1)]
    [InlineData(FindingCategory.Urgent, 24)]
    [InlineData(FindingCategory.Cancer, 72)]
    [InlineData(FindingCategory.SignificantUnexpected, 168)]
    public void AcknowledgementIsDueByCategoryFromWhenItWasCommunicated(FindingCategory category, int hours)
    {
        var finding = Raise(category, communicatedAt: Now.AddMinutes(-10));

        Assert.Equal(Now.AddMinutes(-10).AddHours(hours), finding.AcknowledgeBy);
        Assert.True(finding.IsOpen);
    }

    [Fact]
    public void ItIsEscalatedOnceWhenOverdueAndNotAtAllWhenAcknowledged()
    {
        var late = Raise(FindingCategory.Critical);
        Assert.False(late.Escalate(Now.AddMinutes(59)).Succeeded);
        Assert.True(late.Escalate(Now.AddMinutes(60)).Succeeded);
        Assert.False(late.Escalate(Now.AddMinutes(90)).Succeeded);
        Assert.Equal(Now.AddMinutes(60), late.EscalatedAt);

        var answered = Raise(FindingCategory.Critical);
        Assert.True(answered.Acknowledge("Dr A Khan, ED registrar", "manager", Now.AddMinutes(20), Now.AddMinutes(21)).Succeeded);
        Assert.False(answered.Escalate(Now.AddHours(2)).Succeeded);
        Assert.False(answered.Acknowledge("someone else", "manager", Now.AddMinutes(30), Now.AddMinutes(31)).Succeeded);
        Assert.Equal("Dr A Khan, ED registrar", answered.AcknowledgedBy);
    }

    [Fact]
    public void ItNeedsAFindingAWhoAndAPlausibleTime()
    {
        Assert.Equal("Describe the finding in a few words.", Try(summary: " ").Reason);
        Assert.Contains("who was told", Try(to: "").Reason);
        Assert.Contains("future", Try(at: Now.AddHours(1)).Reason);

        var finding = Raise(FindingCategory.Urgent);
        Assert.Contains("between", finding.Acknowledge("Dr B", "manager", Now.AddHours(3), Now).Reason);
    }

    private static CriticalFinding Raise(FindingCategory category, DateTimeOffset? communicatedAt = null,
        CriticalFindingPolicy? policy = null) =>
        CriticalFinding.Raise(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), category, "Tension pneumothorax",
            category == FindingCategory.Cancer ? "lung" : null, Guid.NewGuid(),
            new Communication("Dr A Khan, ED registrar", CommunicationMethod.Telephone, communicatedAt ?? Now), policy ?? Everything, Now)
                .ValueOrThrow();

    private static Common.Outcome<CriticalFinding> Try(string summary = "Aortic dissection", string to = "Dr C", DateTimeOffset? at = null)
        =>
        CriticalFinding.Raise(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), FindingCategory.Critical, summary, null, Guid.NewGuid(),
            new Communication(to, CommunicationMethod.Bleep, at ?? Now), Policy, Now);

    [Fact]
    public void TheNationalCategoriesAreOfferedByDefaultAndTheOld2016OneOnlyWhenTheNetworkKeepsIt()
    {
        Assert.Equal([FindingCategory.Critical, FindingCategory.Urgent, FindingCategory.Cancer], Policy.Offered);
        Assert.Equal(["CRITICAL", "URGENT", "CANCER"], Policy.Offered.Select(CriticalFindingPolicy.TextCode));
        var refused =
            CriticalFinding.Raise(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), FindingCategory.SignificantUnexpected, "Incidental mass",
            null, Guid.NewGuid(), null, Policy, Now);
        Assert.Equal("This network does not use the Significant unexpected category; choose Critical, Urgent, Cancer.", refused.Reason);
        Assert.Equal([("CANCER", FindingCategory.Cancer), ("urgent", FindingCategory.Urgent), ("Amber", null)],
            CriticalFindingPolicy.Parse("CANCER, urgent,,Amber"));
    }

    [Fact]
    public void ACancerAlertNamesTheSuspectedPrimarySite()
    {
        var missing =
            CriticalFinding.Raise(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), FindingCategory.Cancer,
            "Spiculated right upper lobe mass", " ", Guid.NewGuid(), null, Policy, Now);
        Assert.Contains("suspected primary site", missing.Reason, StringComparison.Ordinal);

        var flagged =
            CriticalFinding.Raise(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), FindingCategory.Cancer,
            "Spiculated right upper lobe mass", " lung ", Guid.NewGuid(), null, Policy, Now)
            .ValueOrThrow();
        Assert.Equal(("lung", FindingState.Raised), (flagged.SuspectedPrimarySite, flagged.State));
    }

    [Fact]
    public void AnAlertGoesFromRaisedToCommunicatedToAcknowledgedAndIsDueFromWhenItWasRaised()
    {
        var finding =
            CriticalFinding.Raise(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), FindingCategory.Urgent, "New PE, stable", null,
            Guid.NewGuid(), null, Policy, Now).ValueOrThrow();
        Assert.Equal((FindingState.Raised, Now.AddHours(24)), (finding.State, finding.AcknowledgeBy));
        Assert.Contains("who was told", finding.Acknowledge("Dr B", "manager", Now.AddMinutes(5), Now.AddMinutes(6)).Reason,
            StringComparison.Ordinal);

        Assert.True(
            finding.Communicate(new Communication("Dr B Osei, medical registrar", CommunicationMethod.SecureMessage, Now.AddHours(2)),
            Policy, Now.AddHours(2)).Succeeded);
        Assert.Equal((FindingState.Communicated, Now.AddHours(24)), (finding.State, finding.AcknowledgeBy));
        Assert.False(finding.Communicate(new Communication("Dr C", CommunicationMethod.Telephone, Now.AddHours(3)), Policy, Now.AddHours(3))
            .Succeeded);

        Assert.True(finding.Acknowledge("Dr B Osei, medical registrar", "manager", Now.AddHours(4), Now.AddHours(4)).Succeeded);
        Assert.Equal(FindingState.Acknowledged, finding.State);
    }

    [Fact]
    public void ACriticalFindingIsToldByVoiceNotByAMessageAlone()
    {
        var finding =
            CriticalFinding.Raise(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), FindingCategory.Critical, "Tension pneumothorax", null,
            Guid.NewGuid(), null, Policy, Now).ValueOrThrow();

        var messaged = finding.Communicate(new Communication("Dr A Khan", CommunicationMethod.SecureMessage, Now), Policy, Now);

        Assert.Contains("by voice", messaged.Reason, StringComparison.Ordinal);
        Assert.Equal(FindingState.Raised, finding.State);
    }

    [Fact]
    public void AnUnacknowledgedAlertIsEscalatedAndStaysSoUntilAcknowledged()
    {
        var finding = Raise(FindingCategory.Critical);
        Assert.True(finding.Escalate(Now.AddHours(2)).Succeeded);
        Assert.Equal(FindingState.Escalated, finding.State);
        Assert.True(finding.Acknowledge("Dr A Khan", "manager", Now.AddHours(2), Now.AddHours(2)).Succeeded);
        Assert.Equal(FindingState.Acknowledged, finding.State);
    }

    [Fact]
    public void TextThatCannotBeStoredIsRefusedNamingTheField()
    {
        Assert.StartsWith("The description contains a NUL", Try(summary: "Aortic\0dissection").Reason, StringComparison.Ordinal);
        Assert.StartsWith("The name contains a NUL", Try(to: "Dr\0C").Reason, StringComparison.Ordinal);
        var finding = Raise(FindingCategory.Urgent);
        Assert.StartsWith("The name contains half of a character", finding.Acknowledge("Dr \udc00", "manager", Now, Now).Reason,
            StringComparison.Ordinal);
        Assert.True(finding.Acknowledge("Dr Zoë Ñúñez", "manager", Now, Now).Succeeded);
    }
}
