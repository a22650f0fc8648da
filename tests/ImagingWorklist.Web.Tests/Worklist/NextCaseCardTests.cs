using Bunit;
using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Web.Features.Worklist;

namespace ImagingWorklist.Web.Tests.Worklist;

public class NextCaseCardTests : MudComponentTest
{
    private static readonly EngineExam Exam = new(
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Modality.CT, "HEAD", Skill.Neuro, 16, Pathway.Emergency, ClinicalPriority.Stat,
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1), "P1", "CT Head");

    [Fact]
    public void SkippingIsImpossibleUntilAReasonIsGivenAndThenPassesTheReasonOn()
    {
        (Guid ExamId, string Reason)? skipped = null;
        var card = Render<NextCaseCard>(p => p
            .Add(c => c.Proposal, new NextCase(Exam, UrgencyClass.Emergency, []))
            .Add(c => c.OnSkip, (ValueTuple<Guid, string> s) => skipped = s));
        var skip = card.FindAll("button").Single(b => b.TextContent.Trim() == "Skip");

        Assert.True(skip.HasAttribute("disabled"));

        card.Find("input").Input("Conflict of interest");
        card.FindAll("button").Single(b => b.TextContent.Trim() == "Skip").Click();

        Assert.Equal((Exam.Id, "Conflict of interest"), skipped);
    }

    [Fact]
    public void TheCardNamesTheSamePatientsOtherExams()
    {
        var other = Exam with { Id = Guid.NewGuid(), Description = "XR Chest" };

        var card = Render<NextCaseCard>(p => p.Add(c => c.Proposal, new NextCase(Exam, UrgencyClass.Emergency, [other])));

        Assert.Contains("The same patient has 1 other open exam(s) you may take: XR Chest.", AsShown(card.Markup),
            StringComparison.Ordinal);
        Assert.Contains("CT Head: ED, emergency class.", card.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void ClaimingPassesTheProposedExamOn()
    {
        Guid? claimed = null;
        var card = Render<NextCaseCard>(p => p
            .Add(c => c.Proposal, new NextCase(Exam, UrgencyClass.Emergency, []))
            .Add(c => c.OnClaim, (Guid id) => claimed = id));

        card.FindAll("button").Single(b => b.TextContent.Trim() == "Claim and open").Click();

        Assert.Equal(Exam.Id, claimed);
    }
}
