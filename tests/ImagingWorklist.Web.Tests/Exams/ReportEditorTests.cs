using Bunit;
using ImagingWorklist.Application.Claiming;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Exams;
using ImagingWorklist.Application.Reporting;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.TestSupport;
using ImagingWorklist.Web.Features.Exams;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Web.Tests.Exams;

/// <summary>What the report panel offers each person: the holder writes and signs, a registrar sends for verification, a verifier verifies
/// or returns, everyone else reads.</summary>
public sealed class ReportEditorTests : MudComponentTest
{
    private static readonly Guid Me = Guid.NewGuid();
    private static readonly Patient ThePatient = new("9434765919", "M0000001", "Wright", "Olivia", new DateOnly(1973, 8, 9), Sex.Female);

    public override async Task InitializeAsync()
    {
        await UseDatabaseAsync();
        Services.AddSingleton(new ClaimSettings());
        Services.AddSingleton<ClaimService>();
        Services.AddSingleton<ReportingService>();
    }


    [Fact]
    public void TheHolderWritesAndSignsOnlyAfterSeeingThePatientAgain()
    {
        var editor = Editor(new ReportingAccess(true, false, [], true, false), Working(ReportStatus.Draft, "Normal CT head."));

        Assert.Equal("Normal CT head.", editor.Find("textarea").GetAttribute("value") ?? editor.Find("textarea").TextContent);
        Assert.NotNull(Button(editor, "Issue preliminary"));
        Button(editor, "Sign report")!.Click();

        var confirm = editor.Find("[role=alertdialog]");
        Assert.Contains("WRIGHT, Olivia", confirm.TextContent, StringComparison.Ordinal);
        Assert.Contains("943 476 5919", confirm.TextContent, StringComparison.Ordinal);
        Assert.Contains("accession ACC1", confirm.TextContent, StringComparison.Ordinal);
        Assert.NotNull(Button(editor, "Confirm: sign report"));
        Assert.Null(Button(editor, "Sign report"));
        Assert.True(editor.Find("textarea").HasAttribute("disabled"));

        Button(editor, "Cancel")!.Click();
        Assert.Empty(editor.FindAll("[role=alertdialog]"));
    }

    [Fact]
    public void ARegistrarSendsForVerificationAndIssuesNoPreliminary()
    {
        var editor =
            Editor(new ReportingAccess(true, false, [], true, false, SignNeedsVerification: true), Working(ReportStatus.Draft, "Normal."),
            registrar: true);

        Assert.NotNull(Button(editor, "Sign and send for verification"));
        Assert.Null(Button(editor, "Issue preliminary"));
    }

    [Fact]
    public void ARegistrarSeesWhoCanVerifyOrWhenBeforeSigning()
    {
        var access = new ReportingAccess(true, false, [], true, false, SignNeedsVerification: true);
        var onDuty =
            Editor(access, Working(ReportStatus.Draft, "Normal."), registrar: true,
            verifiers: new VerifierOutlook(["Dr A Khan", "Dr B Osei"], null, null));
        var overnight = Editor(access, Working(ReportStatus.Draft, "Normal."), registrar: true,
            verifiers: new VerifierOutlook([], new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero), "Dr A Khan"));

        Assert.Equal("Dr A Khan and Dr B Osei can verify it and are on duty now.", onDuty.Find("[data-testid=verifier-outlook]")
            .TextContent.Trim());
        Assert.Equal("Nobody who can verify it is on duty until Thu 26 Nov 08:00 (Dr A Khan); it will wait in their list until then.",
            overnight.Find("[data-testid=verifier-outlook]").TextContent.Trim());
        Button(overnight, "Send for verification and next case")!.Click();
        Assert.Contains("Nobody who can verify it is on duty until", overnight.Find("[role=alertdialog]").TextContent,
            StringComparison.Ordinal);
    }

    [Fact]
    public void AHolderIsToldWhoseDraftTheyAreContinuingAndWhyItWasReturned()
    {
        var editor =
            Editor(new ReportingAccess(true, false, [], true, false),
            Working(ReportStatus.Draft, "Findings:", author: Guid.NewGuid(), authorName: "Dr Before", comment: "Add the conclusion."));

        Assert.Contains("This draft was started by Dr Before", AsShown(editor.Find("[data-testid=draft-owner]").TextContent),
            StringComparison.Ordinal);
        Assert.Contains("Returned for changes: Add the conclusion.", editor.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void AVerifierVerifiesOrReturnsWithAComment()
    {
        var editor =
            Editor(new ReportingAccess(false, true, [], false, false), Working(ReportStatus.AwaitingVerification, "Small effusion."));

        Assert.NotNull(Button(editor, "Verify as written"));
        Assert.True(Button(editor, "Return to registrar")!.HasAttribute("disabled"));
        Assert.Contains("Submitted by Dr Registrar for verification", editor.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void OthersReadTheSignedReportWithTheRegistrarsOriginalAndMayOfferAnAddendum()
    {
        var signed =
            new ReportView(Guid.NewGuid(), ReportStatus.Final, "Moderate effusion.", "Dr Registrar", null, null, TestClock.Now,
            TestClock.Now, "Dr Consultant",
            "Dr Registrar", "Dr Consultant", "Small effusion.", true, null);
        var editor = Editor(new ReportingAccess(false, false, [], true, true), null, [signed], ExamState.Final);

        Assert.Contains("verified by Dr Consultant, with changes", AsShown(editor.Markup), StringComparison.Ordinal);
        Assert.Contains("Small effusion.", editor.Find("details").TextContent, StringComparison.Ordinal);
        Assert.Single(editor.FindAll("textarea"));
        Assert.NotNull(Button(editor, "Sign addendum"));
    }

    private IRenderedComponent<ReportEditor> Editor(
        ReportingAccess access, ReportView? working, IReadOnlyList<ReportView>? signed = null, ExamState state = ExamState.Claimed,
            bool registrar = false, VerifierOutlook? verifiers = null)
    {
        var details = new ExamDetails(
            Guid.NewGuid(), "ACC1", "1.2.3", ThePatient, 53, "Alpha Trust", "Alpha General", Modality.CT, "CT Head", Pathway.Outpatient,
                ClinicalPriority.Routine, "Headache",
            TestClock.Now.AddHours(-2), TestClock.Now.AddDays(3), state, null, null, null, null, [], access, "CHEAD", Skill.Neuro);
        var reporting = new ExamReporting(working, signed ?? [], [], [], null);
        return Render<ReportEditor>(p => p
            .Add(e => e.Details, details)
            .Add(e => e.Reporting, reporting)
            .Add(e => e.Actor, new Actor("me", Me))
            .Add(e => e.IsRegistrar, registrar)
            .Add(e => e.Verifiers, verifiers));
    }

    private static ReportView Working(ReportStatus status, string text, Guid? author = null, string authorName = "Me",
        string? comment = null) =>
        new(Guid.NewGuid(), status, text, authorName, author ?? Me, authorName, TestClock.Now, null, null,
            status == ReportStatus.AwaitingVerification ? "Dr Registrar" : null, null, null, false, comment);

    private static AngleSharp.Dom.IElement? Button(IRenderedComponent<ReportEditor> editor, string text) =>
        editor.FindAll("button").SingleOrDefault(b => b.TextContent.Trim().Equals(text, StringComparison.OrdinalIgnoreCase));
}
