using ImagingWorklist.Application.Claiming;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ImagingWorklist.E2E;

[Collection(BrowserCollection.Name)]
public sealed class ReportingBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task AReporterWritesLosesNothingOnReloadAndSignsAfterCheckingThePatient()
    {
        var page = await app.SignedInPageAsync("radiologist");
        var first = page.Locator("tr[data-exam]").First;
        await Assertions.Expect(first).ToBeVisibleAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        var text = page.GetByLabel("Report text");
        await Assertions.Expect(text).ToBeVisibleAsync();
        var examId = Guid.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..]);

        // Auto-save: typing is saved without a button.
        await text.FillAsync("Findings: no acute intracranial abnormality.");
        await Assertions.Expect(page.Locator("#save-state")).ToContainTextAsync("Draft saved at");
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("Report text")).ToHaveValueAsync("Findings: no acute intracranial abnormality.");

        // The page goes away straight after typing. Either the old circuit's auto-save still reached the server, or the
        // tab's copy is restored and saved on the next load: which one wins is a race, but nothing may be lost either way.
        const string Typed = "Findings: no acute intracranial abnormality.\nConclusion: normal CT head.";
        await page.GetByLabel("Report text").FillAsync(Typed);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("Report text")).ToHaveValueAsync(Typed);
        var reporting = app.Services.GetRequiredService<Application.Reporting.ReportingQuery>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await reporting.LoadAsync(examId)).Working?.Text != Typed && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Equal(Typed, (await reporting.LoadAsync(examId)).Working?.Text);

        // Sign-off shows the patient once more before anything is signed.
        var nhs = await page.GetByRole(AriaRole.Region, new() { Name = "Patient" }).Locator("p").Nth(1).InnerTextAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign report" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Alertdialog);
        await Assertions.Expect(confirm).ToContainTextAsync(nhs.Trim());
        await Assertions.Expect(confirm).ToContainTextAsync("accession");
        await BrowserApp.SaveScreenshotAsync(page, "sign-off");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Confirm: sign report" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Report signed; it is on its way to the trust.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Final report" }))
            .ToContainTextAsync("Conclusion: normal CT head.");
        await Assertions.Expect(page.GetByLabel("Report text")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Addendum (the signed report stays as it is)")).ToBeVisibleAsync();
        await BrowserApp.SaveScreenshotAsync(page, "signed-report");
    }

    [Fact]
    public async Task AnOpinionRequestAppearsLiveOnTheSpecialistsListAndTheAnswerLiveOnTheAskersExam()
    {
        var services = app.Services;
        var askerId = await DemoPeople.ReporterOfAsync(services, "radiologist");
        var examId = await ExamAskableOfAsync(askerId, await DemoPeople.ReporterOfAsync(services, "radiologist2"));
        Assert.True((await services.GetRequiredService<ClaimService>().ClaimAsync(examId, askerId, new Actor("radiologist", askerId)))
            .Succeeded);

        var specialist = await app.SignedInPageAsync("radiologist2");
        await Assertions.Expect(specialist.Locator("tr[data-exam]").First).ToBeVisibleAsync();
        var asker = await app.SignedInPageAsync("radiologist");
        await asker.GotoAsync($"/exams/{examId}");
        await asker.GetByLabel("Your question").FillAsync("Is there an acute infarct?");
        await asker.GetByRole(AriaRole.Button, new() { Name = "Ask for an opinion" }).ClickAsync();
        await Assertions.Expect(asker.GetByText("Asked. The answer will appear here")).ToBeVisibleAsync();

        // The specialist's open worklist shows the request without a reload.
        var task = specialist.Locator($"tr[data-task='Consult'][data-exam='{examId}']");
        await Assertions.Expect(task).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Assertions.Expect(task).ToContainTextAsync("Is there an acute infarct?");
        await BrowserApp.SaveScreenshotAsync(specialist, "opinion-task");
        await task.GetByRole(AriaRole.Link, new() { Name = "Open" }).ClickAsync();
        await specialist.GetByLabel("Your opinion").FillAsync("No acute infarct; old left MCA territory infarct.");
        await specialist.GetByRole(AriaRole.Button, new() { Name = "Send opinion" }).ClickAsync();
        await Assertions.Expect(specialist.GetByText("Your opinion was sent")).ToBeVisibleAsync();

        // The asker's open exam shows the answer without a reload.
        await Assertions.Expect(asker.GetByRole(AriaRole.Region, new() { Name = "Specialist opinion" }))
            .ToContainTextAsync("old left MCA territory infarct", new() { Timeout = 5_000 });
    }

    /// <summary>An exam the asker may take whose skill pool (consultants with its skill and a credential) includes the
    /// specialist.</summary>
    private async Task<Guid> ExamAskableOfAsync(Guid askerId, Guid specialistId)
    {
        var consults = app.Services.GetRequiredService<Application.Reporting.Consults>();
        foreach (var ranked in app.Services.GetRequiredService<Application.Engine.WorklistEngineHost>().RankedFor(askerId, take: 500)
            .Skip(3))
        {
            if ((await consults.CandidatesAsync(ranked.Exam.Id, askerId, ranked.Exam.RequiredSkill)).Any(p => p.Id == specialistId))
            {
                return ranked.Exam.Id;
            }
        }

        throw new InvalidOperationException("The demo network should give radiologist an exam that radiologist2 could be asked about.");
    }
}
