using ImagingWorklist.Domain.Reporting;

namespace ImagingWorklist.Domain.Tests.Reporting;

public class CriticalFindingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly CriticalFindingPolicy Policy = new();

    [Theory]
    [InlineData(FindingCategory.Critical, 1)]
    [InlineData(FindingCategory.Urgent, 24)]
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

    private static CriticalFinding Raise(FindingCategory category, DateTimeOffset? communicatedAt = null) =>
        CriticalFinding.Raise(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), category, "Tension pneumothorax", Guid.NewGuid(), "Dr A Khan, ED registrar", CommunicationMethod.Telephone, communicatedAt ?? Now, Policy, Now).ValueOrThrow();

    private static Common.Outcome<CriticalFinding> Try(string summary = "Aortic dissection", string to = "Dr C", DateTimeOffset? at = null) =>
        CriticalFinding.Raise(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), FindingCategory.Critical, summary, Guid.NewGuid(), to, CommunicationMethod.Bleep, at ?? Now, Policy, Now);
}
