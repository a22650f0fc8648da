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

        var edit = report.Edit("Changed", Now.AddMinutes(3));

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
        Assert.True(report.Edit("Final text", Now.AddMinutes(1)).Succeeded);
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
}
