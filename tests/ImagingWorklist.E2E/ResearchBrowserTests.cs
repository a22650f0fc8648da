using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ImagingWorklist.E2E;

/// <summary>The research journey: a researcher asks, the data guardian decides, the researcher extracts and downloads.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ResearchBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task ARequestIsApprovedByTheGuardianThenExtractedAndDownloadedByTheResearcher()
    {
        const string title = "CT head after a fall: outcomes";
        var researcher = await app.SignedInPageAsync("researcher");

        // A researcher sees no patient: the worklist sends them to research, an exam page is refused.
        await Assertions.Expect(researcher).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/research$"));
        await Assertions.Expect(researcher.GetByRole(AriaRole.Link, new() { Name = "Worklist" })).ToHaveCountAsync(0);

        await researcher.GetByRole(AriaRole.Button, new() { Name = "New request" }).ClickAsync();
        await researcher.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        await Assertions.Expect(researcher.GetByRole(AriaRole.Alert)).ToContainTextAsync("Give a title.");
        await researcher.GetByLabel("Title").FillAsync(title);
        await researcher.GetByLabel("Approving body's reference (e.g. IRAS number)").FillAsync("IRAS 312345");
        await researcher.GetByLabel("Purpose").FillAsync("Outcomes of CT across the network");
        await researcher.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        await Assertions.Expect(researcher.GetByRole(AriaRole.Alert)).ToContainTextAsync("Choose at least one trust.");
        await researcher.GetByLabel("Trusts").ClickAsync();
        var options = researcher.GetByRole(AriaRole.Option);
        await Assertions.Expect(options.First).ToBeVisibleAsync();
        foreach (var option in await options.AllAsync())
        {
            await option.ClickAsync();
        }

        await researcher.Keyboard.PressAsync("Escape");
        await researcher.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        var card = researcher.Locator($"[data-request='{title}']");
        await Assertions.Expect(card.Locator("[data-state]")).ToHaveAttributeAsync("data-state", "Draft");
        await card.GetByRole(AriaRole.Button, new() { Name = "Submit for a decision" }).ClickAsync();
        await Assertions.Expect(card.Locator("[data-state]")).ToHaveAttributeAsync("data-state", "Submitted");
        Assert.Equal(0, await card.GetByRole(AriaRole.Button, new() { Name = "Make extract" }).CountAsync());
        await BrowserApp.SaveScreenshotAsync(researcher, "research-submitted");

        var guardian = await app.SignedInPageAsync("guardian");
        await Assertions.Expect(guardian).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/research$"));
        var decision = guardian.Locator($"[data-request='{title}']");
        await decision.GetByLabel("Reason or note").FillAsync("Ethics approval seen");
        await decision.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(decision.Locator("[data-state]")).ToHaveAttributeAsync("data-state", "Approved");
        await BrowserApp.SaveScreenshotAsync(guardian, "research-guardian");

        await researcher.ReloadAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Make extract" }).ClickAsync();
        await Assertions.Expect(card.Locator("[data-extract='Ready']")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(card.Locator("[data-counts]")).ToContainTextAsync("reports of");
        await Assertions.Expect(researcher.GetByRole(AriaRole.Status)).ToContainTextAsync("The extract is ready");
        var download = await researcher.RunAndWaitForDownloadAsync(() => card.Locator("[data-file='reports.parquet']").ClickAsync());
        Assert.Equal("reports.parquet", download.SuggestedFilename);
        await using (var stream = await download.CreateReadStreamAsync())
        {
            var head = new byte[4];
            await stream.ReadExactlyAsync(head);
            Assert.Equal("PAR1"u8.ToArray(), head);
        }

        await BrowserApp.SaveScreenshotAsync(researcher, "research-extract");
        var phone = await app.SignedInPageAsync("researcher");
        await phone.SetViewportSizeAsync(390, 844);
        await phone.GotoAsync("/research");
        await Assertions.Expect(phone.Locator($"[data-request='{title}'] [data-extract='Ready']")).ToBeVisibleAsync();
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "the research page scrolls sideways on a phone");
        await BrowserApp.SaveScreenshotAsync(phone, "research-extract-phone");

        await guardian.ReloadAsync();
        await Assertions.Expect(guardian.GetByText(title).First).ToBeVisibleAsync();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContextAsync();
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == AuditAction.ResearchExtractDownloaded && a.Actor == "researcher"));
    }

    [Fact]
    public async Task AResearcherCannotOpenAnExamOrTheFhirReportsWithTheirSignIn()
    {
        var researcher = await app.SignedInPageAsync("researcher");
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContextAsync();
        var exam = await db.Exams.Select(e => e.Id).FirstAsync();

        await researcher.GotoAsync($"/exams/{exam}");
        await Assertions.Expect(researcher.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        var reports = await researcher.APIRequest.GetAsync("/fhir/DiagnosticReport");
        Assert.True(reports.Status is 401 or 403, $"FHIR reports answered {reports.Status} to a researcher");
    }
}
