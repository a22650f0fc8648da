using Bunit;
using ImagingWorklist.Application.Exams;
using ImagingWorklist.Application.Reporting;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.TestSupport;
using ImagingWorklist.Web.Features.Exams;

namespace ImagingWorklist.Web.Tests.Exams;

/// <summary>The claim panel speaks to whoever is looking: the holder about their claim, a manager about whose it is.</summary>
public sealed class ClaimPanelTests : MudComponentTest
{
    [Fact]
    public void TheHolderReadsAboutTheirOwnClaimAndItsLease()
    {
        var panel = Panel(holds: true);

        Assert.Contains("Your claim", panel.Find("h2").TextContent, StringComparison.Ordinal);
        Assert.StartsWith("You claimed it on", panel.Find("[data-testid='claim-holder']").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("renews while this page is open", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void AManagerIsToldWhoHoldsTheClaimNotThatItIsTheirs()
    {
        var panel = Panel(holds: false);

        Assert.Equal("Claim", panel.Find("h2").TextContent.Trim());
        Assert.StartsWith("Claimed by Dr Holder on", panel.Find("[data-testid='claim-holder']").TextContent.Trim(),
            StringComparison.Ordinal);
        Assert.DoesNotContain("Your claim", panel.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("renews while this page is open", panel.Markup, StringComparison.Ordinal);
    }

    private IRenderedComponent<ClaimPanel> Panel(bool holds)
    {
        var claim = new Claim(Guid.NewGuid(), Guid.NewGuid(), TestClock.Now.AddMinutes(-5), TestClock.Now.AddMinutes(15));
        var details = new ExamDetails(
            Guid.NewGuid(), "ACC1", "1.2.3",
                new Patient("9434765919", "M0000001", "Wright", "Olivia", new DateOnly(1973, 8, 9), Sex.Female), 53, "Alpha Trust",
                "Alpha General",
            Modality.CT, "CT Head", Pathway.Outpatient, ClinicalPriority.Routine, "Headache", TestClock.Now.AddHours(-2),
                TestClock.Now.AddDays(3), ExamState.Claimed, claim, "Dr Holder",
            null, null, [], new ReportingAccess(holds, false, [], holds, false), "CHEAD", Skill.Neuro);
        return Render<ClaimPanel>(p => p.Add(c => c.Details, details).Add(c => c.Holds, holds).Add(c => c.Lease, claim.LeaseExpiresAt));
    }
}
