using System.Text.RegularExpressions;
using ImagingWorklist.Application.Engine;
using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ImagingWorklist.E2E;

/// <summary>
/// An administrator registers an algorithm in the browser; its live finding arrives over HL7 and ranks an exam as an
/// emergency on the radiologist's open worklist without a reload, with "Why?" naming it; the radiologist cannot sign until they say
/// whether the finding was there; the manager sees the answer counted on the algorithm's page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AiTriageBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task ALiveFindingRanksAnExamAsAnEmergencyAndItsAnswerIsCountedOnTheAlgorithmsPage()
    {
        var admin = await app.SignedInPageAsync("admin");
        await admin.GotoAsync("/ai");
        await Assertions.Expect(admin.Locator("[data-chosen]")).ToContainTextAsync("HeadCT Triage v2");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Register an algorithm" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("Give the algorithm's name.");
        await admin.Locator("#ai-name").FillAsync("E2E Bleed");
        await admin.Locator("#ai-vendor").FillAsync("Test Vendor");
        await admin.Locator("#ai-version").FillAsync("1");
        await admin.Locator("#ai-application").FillAsync("E2E_AI");
        await admin.Locator("#ai-findings").FillAsync("ICH = Suspected intracranial haemorrhage");
        foreach (var box in await admin.Locator("fieldset input[type=checkbox]").AllAsync())
        {
            await box.CheckAsync();
        }

        await admin.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved E2E Bleed v1.");
        await Assertions.Expect(admin.Locator("[data-live]")).ToContainTextAsync("Northfell Teaching Hospitals");

        var radiologist = await app.SignedInPageAsync("radiologist");
        var rows = radiologist.Locator("tr[data-exam]");
        await Assertions.Expect(rows.Nth(2)).ToBeVisibleAsync();
        var before = await rows.CountAsync();
        var examId = Guid.Parse((await rows.Last.GetAttributeAsync("data-exam"))!);
        var (accession, trust) = await ExamAsync(examId);

        var ack = await app.SendHl7AsRisAsync(
            $"MSH|^~\\&|E2E_AI|{trust}|IW|NET|20261204093000||ORU^R01|E2E-AI-1|P|2.5.1\r" +
            $"OBR|1||{accession}|||||||||||||||{accession}|||||||P\r" +
            "OBX|1|NM|ICH^Intracranial haemorrhage||0.93|||A|||P\r");
        Assert.Contains("MSA|AA|E2E-AI-1", ack, StringComparison.Ordinal);

        // The open list shows the flag live, the engine ranks the exam with the emergencies (the demo's backlog has many,
        // earlier due, so it need not be first), and "Why?" says which algorithm and why.
        var row = radiologist.Locator($"tr[data-exam='{examId}']");
        await Assertions.Expect(row.Locator("[data-ai-flag]")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        var reporter = await DemoPeople.ReporterOfAsync(app.Services, "radiologist");
        var ranked = app.Services.GetRequiredService<WorklistEngineHost>().RankedFor(reporter).Single(r => r.Exam.Id == examId);
        Assert.Equal(UrgencyClass.Emergency, ranked.Class);
        var position = await radiologist.EvaluateAsync<int>(
            "id => [...document.querySelectorAll('tr[data-exam]')].findIndex(r => r.dataset.exam === id)", examId.ToString());
        Assert.InRange(position, 0, before - 1);
        await row.GetByRole(AriaRole.Button, new() { Name = "Why?" }).ClickAsync();
        await Assertions.Expect(radiologist.GetByText("AI flag: AI (E2E Bleed v1) flagged suspected intracranial haemorrhage, score 0.93"))
            .ToBeVisibleAsync();
        await BrowserApp.SaveScreenshotAsync(radiologist, "ai-why");

        await row.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        var panel = radiologist.GetByRole(AriaRole.Region, new() { Name = "AI findings" });
        await Assertions.Expect(panel).ToContainTextAsync("AI (E2E Bleed v1) flagged suspected intracranial haemorrhage, score 0.93");
        await radiologist.GetByLabel("Report text").FillAsync("Findings: acute subdural haematoma.");
        await radiologist.GetByRole(AriaRole.Button, new() { Name = "Sign report" }).ClickAsync();
        await radiologist.GetByRole(AriaRole.Alertdialog).GetByRole(AriaRole.Button, new() { Name = "Confirm: sign report" }).ClickAsync();
        await Assertions.Expect(radiologist.GetByText(new Regex("Say whether suspected intracranial haemorrhage was present")))
            .ToBeVisibleAsync();

        await panel.GetByRole(AriaRole.Button, new() { Name = "Present", Exact = true }).ClickAsync();
        await Assertions.Expect(panel.GetByRole(AriaRole.Button, new() { Name = "Present", Exact = true }))
            .ToHaveAttributeAsync("aria-pressed", "true");
        await BrowserApp.SaveScreenshotAsync(radiologist, "ai-findings-panel");
        await radiologist.GetByRole(AriaRole.Button, new() { Name = "Sign report" }).ClickAsync();
        await radiologist.GetByRole(AriaRole.Alertdialog).GetByRole(AriaRole.Button, new() { Name = "Confirm: sign report" }).ClickAsync();
        await Assertions.Expect(radiologist.GetByRole(AriaRole.Region, new() { Name = "Final report" })).ToBeVisibleAsync();

        var manager = await app.SignedInPageAsync("manager");
        await manager.GotoAsync("/ai");
        await manager.GetByRole(AriaRole.Link, new() { Name = "E2E Bleed v1" }).ClickAsync();
        var table = manager.Locator(".iw-ai-table");
        await Assertions.Expect(table).ToContainTextAsync("Live");
        await Assertions.Expect(table).ToContainTextAsync("100 % (1/1)");
        await Assertions.Expect(manager.GetByRole(AriaRole.Button, new() { Name = "Register an algorithm" })).ToHaveCountAsync(0);
        await BrowserApp.SaveScreenshotAsync(manager, "ai-algorithm-page");

        await manager.SetViewportSizeAsync(390, 844);
        await manager.ReloadAsync();
        await Assertions.Expect(manager.Locator(".iw-ai-table")).ToContainTextAsync("100 % (1/1)");
        Assert.True(await manager.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "the AI triage page scrolls sideways on a phone");
        await BrowserApp.SaveScreenshotAsync(manager, "ai-algorithm-phone");
    }

    private async Task<(string Accession, string Trust)> ExamAsync(Guid examId)
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContext();
        var exam = await db.Exams.AsNoTracking().SingleAsync(e => e.Id == examId);
        var trust = await db.Trusts.AsNoTracking().SingleAsync(t => t.Id == exam.TrustId);
        return (exam.Accession.Value, trust.OdsCode.Value);
    }
}
