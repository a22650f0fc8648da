using System.Diagnostics;
using ImagingWorklist.Application.Claiming;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Engine;
using ImagingWorklist.Application.Exams;
using ImagingWorklist.Application.Reporting;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ImagingWorklist.E2E;

/// <summary>The reporting loop by keyboard alone: propose, claim, write, sign, next case, release, with the key count.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardLoopBrowserTests(BrowserApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task ARadiologistReportsCaseAfterCaseFromTheKeyboardAlone()
    {
        var page = await app.SignedInPageAsync("radiologist");
        await page.SetViewportSizeAsync(1440, 900);
        await Assertions.Expect(page.Locator("tr[data-exam]").First).ToBeVisibleAsync();
        var commands = 0;
        async Task PressAsync(string key)
        {
            commands++;
            await page.Keyboard.PressAsync(key);
        }

        // "?" lists the keys; Escape closes the list.
        await PressAsync("?");
        var help = page.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" });
        await Assertions.Expect(help).ToBeVisibleAsync();
        await Assertions.Expect(help).ToContainTextAsync("Sign and go to the next case");
        await BrowserApp.SaveScreenshotAsync(page, "keyboard-shortcuts");
        await PressAsync("Escape");
        await Assertions.Expect(help).ToBeHiddenAsync();

        // W explains the top case; N proposes the next case, N again claims and opens it.
        await PressAsync("w");
        await Assertions.Expect(page.Locator("tr[data-exam]").First.GetByRole(AriaRole.Button, new() { Name = "Why?" }))
            .ToHaveAttributeAsync("aria-expanded", "true");
        await PressAsync("n");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Next case" })).ToBeVisibleAsync();
        await PressAsync("n");
        var box = page.GetByLabel("Report text");
        await Assertions.Expect(box).ToBeVisibleAsync();
        var first = ExamOf(page.Url);

        // The patient and the sign buttons are on screen at 1440×900 before any scrolling.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign and next case" })).ToBeInViewportAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Patient" })).ToBeInViewportAsync();
        await BrowserApp.SaveScreenshotAsync(page, "exam-opened-by-keyboard");

        // E goes to the report box; letters typed there are text, never commands (this text has n, w, b, e, r and s).
        var draft = await box.InputValueAsync();
        await PressAsync("e");
        const string Text = "No acute abnormality. Normal brain; ventricles and sulci as expected for age.";
        await page.Keyboard.TypeAsync(Text);
        Assert.Equal(first, ExamOf(page.Url));

        // Ctrl+Enter straight after typing: the patient check, then Enter signs and opens the next case.
        await PressAsync("Control+Enter");
        var check = page.GetByRole(AriaRole.Alertdialog);
        await Assertions.Expect(check).ToBeVisibleAsync();
        await Assertions.Expect(check.GetByRole(AriaRole.Button, new() { Name = "Confirm: sign and open the next case" }))
            .ToBeFocusedAsync();
        var clock = Stopwatch.StartNew();
        await PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/exams/", StringComparison.Ordinal) && ExamOf(url) != first);
        await Assertions.Expect(page.GetByText("This is your next case.")).ToBeVisibleAsync();
        var signToNext = clock.Elapsed;
        var signed = await app.Services.GetRequiredService<ReportingQuery>().LoadAsync(first);
        Assert.Equal(draft + Text, Assert.Single(signed.Signed).Text);

        // The patient banner stays on screen while the page scrolls.
        await page.Mouse.WheelAsync(0, 3000);
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Patient" })).ToBeInViewportAsync();
        await BrowserApp.SaveScreenshotAsync(page, "exam-next-case-scrolled");

        // Second case: sign and stay (Ctrl+Shift+Enter), then N from "What next?" opens the third in one key.
        var second = ExamOf(page.Url);
        var before = await page.GetByLabel("Report text").InputValueAsync();
        await PressAsync("e");
        await page.Keyboard.TypeAsync("Normal study.");
        await Assertions.Expect(page.GetByLabel("Report text")).ToHaveValueAsync(before + "Normal study.");
        await PressAsync("Control+Shift+Enter");
        await Assertions.Expect(check.GetByRole(AriaRole.Button, new() { Name = "Confirm: sign report" })).ToBeFocusedAsync();
        await PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "What next" })).ToBeVisibleAsync();
        Assert.Equal(before + "Normal study.",
            Assert.Single((await app.Services.GetRequiredService<ReportingQuery>().LoadAsync(second)).Signed).Text);
        await BrowserApp.SaveScreenshotAsync(page, "exam-what-next");
        var keysBefore = commands;
        clock.Restart();
        await PressAsync("n");
        await page.WaitForURLAsync(url => url.Contains("/exams/", StringComparison.Ordinal) && ExamOf(url) != second);
        await Assertions.Expect(page.GetByLabel("Report text")).ToBeVisibleAsync();
        var nextByKey = clock.Elapsed;
        Assert.Equal(1, commands - keysBefore);

        // R goes to the release reason; Tab, Enter releases and returns to the worklist.
        await PressAsync("r");
        await page.Keyboard.TypeAsync("Returning it to the pool after the keyboard test");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Release" })).ToBeEnabledAsync();
        await PressAsync("Tab");
        await PressAsync("Enter");
        // Blazor navigates within the page (no load event to wait for): wait for the address itself.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/$"), new() { Timeout = 15_000 });

        output.WriteLine($"Two cases signed and a third released with {commands} command keys (report text aside); " +
            $"signed to next case open: {signToNext.TotalMilliseconds:F0} ms; next case from 'What next?': " +
                $"{nextByKey.TotalMilliseconds:F0} ms.");
    }

    [Fact]
    public async Task TheExamViewShowsThePatientsPriorReportFromAnotherTrust()
    {
        // The demo network has patients scanned at more than one trust: find an open exam radiologist2 may take whose
        // patient has a signed report at another trust that radiologist2 is credentialed for.
        var reporter = await DemoPeople.ReporterOfAsync(app.Services, "radiologist2");
        var details = app.Services.GetRequiredService<ExamDetailsQuery>();
        var actor = new Actor("radiologist2", reporter);
        (Guid ExamId, PriorExam Prior)? found = null;
        foreach (var ranked in app.Services.GetRequiredService<WorklistEngineHost>().RankedFor(reporter, take: 2_000))
        {
            var loaded = await details.LoadAsync(ranked.Exam.Id, actor, holderOnly: false, AccessScope.ForReporter(reporter));
            if (loaded.Value?.Priors.FirstOrDefault(p => p.Reports.Count > 0 && p.TrustName != loaded.Value.TrustName) is { } prior)
            {
                found = (ranked.Exam.Id, prior);
                break;
            }
        }

        Assert.True(found is not null, "The demo network should have a patient with a reported exam at another trust.");
        var (examId, reported) = found.Value;
        Assert.True((await app.Services.GetRequiredService<ClaimService>().ClaimAsync(examId, reporter, actor)).Succeeded);

        var page = await app.SignedInPageAsync("radiologist2");
        await page.GotoAsync($"/exams/{examId}");
        var priors = page.GetByRole(AriaRole.Region, new() { Name = "Priors across the network" });
        var item = priors.Locator($"[data-prior='{reported.Accession}']");
        await Assertions.Expect(item).ToContainTextAsync(reported.TrustName);
        await Assertions.Expect(item.GetByText(reported.Reports[0].Text)).ToBeHiddenAsync();
        await item.Locator("summary").ClickAsync();
        await Assertions.Expect(item.GetByText(reported.Reports[0].Text)).ToBeVisibleAsync();
        await BrowserApp.SaveScreenshotAsync(page, "exam-priors-across-network");
    }

    private static Guid ExamOf(string url) => Guid.Parse(new Uri(url).AbsolutePath.Split('/')[^1]);
}
