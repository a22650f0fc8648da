using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ImagingWorklist.E2E;

/// <summary>Alerts in the national categories and follow-up recommendations, as a reporter and a manager use them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FollowUpBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task AReporterRaisesACancerAlertThenRecordsWhoWasToldAndTheManagerSeesItCounted()
    {
        var examId = await DemoPeople.ClaimAndSignAsync(app.Services, "radiologist", text: null, skip: 14);
        var page = await app.SignedInPageAsync("radiologist");
        await page.GotoAsync($"/exams/{examId}");
        var panel = page.GetByRole(AriaRole.Region, new() { Name = "Alerts" });

        await panel.GetByRole(AriaRole.Button, new() { Name = "Flag a finding" }).ClickAsync();
        await panel.GetByLabel("Alert category").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "CANCER" }).ClickAsync();
        await panel.GetByLabel("Finding", new() { Exact = true }).FillAsync("Spiculated right upper lobe mass");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Record finding" }).ClickAsync();
        await Assertions.Expect(panel.GetByText("names the suspected primary site")).ToBeVisibleAsync();
        await panel.GetByLabel("Suspected primary site").FillAsync("lung");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Record finding" }).ClickAsync();

        var alert = panel.Locator("[data-finding]");
        await Assertions.Expect(alert).ToContainTextAsync("CANCER");
        await Assertions.Expect(alert).ToContainTextAsync("suspected primary: lung");
        await Assertions.Expect(alert).ToContainTextAsync("Raised, not yet told");
        await alert.GetByRole(AriaRole.Button, new() { Name = "Record who was told" }).ClickAsync();
        await alert.GetByLabel("Told to (name and role)").FillAsync("Dr P Jones, GP");
        await alert.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }).ClickAsync();
        await Assertions.Expect(alert).ToContainTextAsync("Told, awaiting acknowledgement");
        await BrowserApp.SaveScreenshotAsync(page, "exam-cancer-alert");

        var manager = await app.SignedInPageAsync("manager");
        await manager.GotoAsync("/dashboard?tab=findings");
        var trust = await TrustNameAsync(examId);
        await Assertions.Expect(manager.Locator($"tr[data-acknowledgement='{trust}|Cancer']")).ToContainTextAsync("CANCER");
        await manager.Locator($"[data-finding] >> text=Spiculated right upper lobe mass").First.ScrollIntoViewIfNeededAsync();
        await BrowserApp.SaveScreenshotAsync(manager, "dashboard-alert-acknowledgement");
    }

    [Fact]
    public async Task AReporterRecommendsAFollowUpAndTheManagerClosesItByHandWithAReason()
    {
        var examId = await DemoPeople.ClaimAndSignAsync(app.Services, "radiologist", text: null, skip: 15);
        var page = await app.SignedInPageAsync("radiologist");
        await page.GotoAsync($"/exams/{examId}");
        var panel = page.GetByRole(AriaRole.Region, new() { Name = "Follow-up recommendations" });

        await panel.GetByRole(AriaRole.Button, new() { Name = "Recommend a follow-up" }).ClickAsync();
        await Assertions.Expect(panel.GetByLabel("Name (as on the order)"))
            .ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Dr "));
        await panel.GetByLabel("When").FillAsync("in a while");
        await panel.GetByLabel("Why").FillAsync("6 mm solid nodule, right lower lobe");
        await panel.GetByLabel("Name (as on the order)").FillAsync("Dr R Patel, respiratory");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Record recommendation" }).ClickAsync();
        await Assertions.Expect(panel.GetByText("Say when: an interval")).ToBeVisibleAsync();
        await panel.GetByLabel("When").FillAsync("3 months");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Record recommendation" }).ClickAsync();
        await Assertions.Expect(panel.Locator("[data-follow-up]")).ToContainTextAsync("6 mm solid nodule, right lower lobe");
        await BrowserApp.SaveScreenshotAsync(page, "exam-follow-up");

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContextAsync();
        var followUp = await db.FollowUps.SingleAsync(f => f.ExamId == examId);
        var manager = await app.SignedInPageAsync("manager");
        await manager.GotoAsync("/follow-ups?view=open");
        var row = manager.Locator("tr", new() { Has = manager.GetByText("6 mm solid nodule, right lower lobe") });
        await Assertions.Expect(row).ToContainTextAsync("Dr R Patel, respiratory");
        await BrowserApp.SaveScreenshotAsync(manager, "follow-ups");
        await row.GetByRole(AriaRole.Button, new() { Name = "Close by hand" }).ClickAsync();
        await row.GetByLabel("Reason").ClickAsync();
        await manager.GetByRole(AriaRole.Option, new() { Name = "Declined by the patient" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Close it" }).ClickAsync();

        await Assertions.Expect(manager.GetByText("Closed; the reason is kept in the audit trail.")).ToBeVisibleAsync();
        await manager.GotoAsync("/follow-ups?view=closed");
        await Assertions.Expect(manager.Locator("tr", new() { Has = manager.GetByText("6 mm solid nodule, right lower lobe") }))
            .ToContainTextAsync("declined by the patient");
        await using var after = await app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContextAsync();
        Assert.Equal(FollowUpClosure.Declined, (await after.FollowUps.SingleAsync(f => f.Id == followUp.Id)).Closure);
    }

    private async Task<string> TrustNameAsync(Guid examId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContextAsync();
        var trustId = (await db.Exams.SingleAsync(e => e.Id == examId)).TrustId;
        return (await db.Trusts.SingleAsync(t => t.Id == trustId)).Name;
    }
}
