using ImagingWorklist.Domain.Reporting;

namespace ImagingWorklist.Domain.Tests.Reporting;

public class ReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ASignedReportCannotBeEditedOnlyAddedTo()
    {
        var author = Guid.NewGuid();
        var report = Report.StartDraft(Guid.NewGuid(), Guid.NewGuid(), author, "No fracture.", Now);
        Assert.True(report.Sign(author, Now.AddMinutes(2)).Succeeded);

        var edit = report.Edit("Changed", author, Now.AddMinutes(3));

        Assert.False(edit.Succeeded);
        Assert.Contains("addendum", edit.Reason);
        Assert.Equal("No fracture.", report.Text);

        var addendum = report.StartAddendum(Guid.NewGuid(), author, "Addendum: subtle fracture on review.", Now.AddMinutes(4));
        Assert.True(addendum.Succeeded);
        Assert.Equal(ReportStatus.Addendum, addendum.Value!.Status);
        Assert.Equal(report.Id, addendum.Value.AddendumToId);
        Assert.True(addendum.Value.Sign(author, Now.AddMinutes(5)).Succeeded);
        Assert.Equal(ReportStatus.Addendum, addendum.Value.Status);
    }

    [Fact]
    public void AnEmptyReportCannotBeSignedOrIssued()
    {
        var report = Report.StartDraft(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "  ", Now);

        Assert.False(report.Sign(Guid.NewGuid(), Now).Succeeded);
        Assert.False(report.IssuePreliminary(Now).Succeeded);
        Assert.Equal(ReportStatus.Draft, report.Status);
    }

    [Fact]
    public void APreliminaryReportCanStillBeEditedThenSigned()
    {
        var author = Guid.NewGuid();
        var report = Report.StartDraft(Guid.NewGuid(), Guid.NewGuid(), author, "Prelim", Now);

        Assert.True(report.IssuePreliminary(Now).Succeeded);
        Assert.True(report.Edit("Final text", author, Now.AddMinutes(1)).Succeeded);
        Assert.True(report.Sign(author, Now.AddMinutes(2)).Succeeded);
        Assert.Equal(ReportStatus.Final, report.Status);
        Assert.Equal(Now, report.IssuedAt);
    }

    [Fact]
    public void AnAddendumNeedsAFinalReport()
    {
        var draft = Report.StartDraft(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "x", Now);

        Assert.False(draft.StartAddendum(Guid.NewGuid(), Guid.NewGuid(), "y", Now).Succeeded);
    }

    [Fact]
    public void ARegistrarsReportWaitsForAConsultantWhoMayEditItWithTheOriginalKept()
    {
        var registrar = Guid.NewGuid();
        var consultant = Guid.NewGuid();
        var report = Report.StartDraft(Guid.NewGuid(), Guid.NewGuid(), registrar, "Small left pleural effusion.", Now);

        Assert.True(report.SubmitForVerification(registrar, Now.AddMinutes(1)).Succeeded);
        Assert.Equal(ReportStatus.AwaitingVerification, report.Status);
        Assert.False(report.Edit("registrar edits after submitting", registrar, Now.AddMinutes(2)).Succeeded);
        Assert.False(report.Sign(registrar, Now.AddMinutes(2)).Succeeded);
        Assert.Equal("A report cannot be verified by the person who submitted it.", report.Verify(registrar, Now.AddMinutes(2)).Reason);

        Assert.True(report.EditInVerification("Moderate left pleural effusion.", consultant, Now.AddMinutes(3)).Succeeded);
        Assert.True(report.Verify(consultant, Now.AddMinutes(4)).Succeeded);

        Assert.Equal((ReportStatus.Final, consultant, consultant, registrar),
            (report.Status, report.VerifiedById!.Value, report.SignedById!.Value, report.SubmittedById!.Value));
        Assert.Equal(("Small left pleural effusion.", "Moderate left pleural effusion.", true),
            (report.SubmittedText, report.Text, report.EditedInVerification));
        Assert.Equal(Now.AddMinutes(4), report.SignedAt);
        Assert.Equal(Now.AddMinutes(1), report.IssuedAt);
        Assert.False(report.EditInVerification("again", consultant, Now.AddMinutes(5)).Succeeded);
    }

    [Fact]
    public void AReturnedReportIsADraftAgainWithTheComment()
    {
        var registrar = Guid.NewGuid();
        var report = Report.StartDraft(Guid.NewGuid(), Guid.NewGuid(), registrar, "Normal.", Now);
        report.SubmitForVerification(registrar, Now);

        Assert.False(report.Return("  ", Now).Succeeded);
        Assert.True(report.Return("Comment on the old infarct.", Now.AddMinutes(1)).Succeeded);

        Assert.Equal((ReportStatus.Draft, "Comment on the old infarct."), (report.Status, report.ReturnComment));
        Assert.True(report.Edit("Normal for age; old left MCA infarct.", registrar, Now.AddMinutes(2)).Succeeded);
        Assert.True(report.SubmitForVerification(registrar, Now.AddMinutes(3)).Succeeded);
        Assert.Null(report.ReturnComment);
    }

    [Fact]
    public void ADraftRemembersWhoStartedItAndWhoLastEditedIt()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var report = Report.StartDraft(Guid.NewGuid(), Guid.NewGuid(), first, "Findings:", Now);

        report.Edit("Findings: normal.", second, Now.AddMinutes(5));

        Assert.Equal((first, second, Now.AddMinutes(5)), (report.AuthorId, report.LastEditedById!.Value, report.UpdatedAt));
    }

    [Fact]
    public void AnOverlongReportIsRefusedAndTheTextKept()
    {
        var author = Guid.NewGuid();
        var report = Report.StartDraft(Guid.NewGuid(), Guid.NewGuid(), author, "kept", Now);

        var edit = report.Edit(new string('x', Report.TextMaxLength + 1), author, Now);

        Assert.False(edit.Succeeded);
        Assert.Equal("kept", report.Text);
    }
}
