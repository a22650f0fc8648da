using ImagingWorklist.Application.Claiming;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Engine;
using ImagingWorklist.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ImagingWorklist.E2E;

/// <summary>The reading-room theme: chosen per user, remembered across sign-ins, and still WCAG AA on the reporting views.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ThemeBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task TheReadingRoomThemeIsRememberedForTheUserAndKeepsContrastOnEveryReportingView()
    {
        // radiologist2 holds one case, so the exam view is scanned too.
        var reporter = await DemoPeople.ReporterOfAsync(app.Services, "radiologist2");
        var examId = app.Services.GetRequiredService<WorklistEngineHost>().RankedFor(reporter, take: 1).Single().Exam.Id;
        Assert.True(
            (await app.Services.GetRequiredService<ClaimService>().ClaimAsync(examId, reporter, new Actor("radiologist2", reporter)))
            .Succeeded);

        var page = await app.SignedInPageAsync("radiologist2");
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Reading-room theme" });
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        var daylight = await BackgroundAsync(page);
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");

        // Remembered for the user, not the browser: a new sign-in elsewhere opens dark.
        var elsewhere = await app.SignedInPageAsync("radiologist2");
        await Assertions.Expect(elsewhere.GetByRole(AriaRole.Button, new() { Name = "Reading-room theme" }))
            .ToHaveAttributeAsync("aria-pressed", "true");
        var dark = await BackgroundAsync(elsewhere);
        Assert.True(Luminance(dark) < 0.05 && Luminance(daylight) > 0.8, $"background {daylight} by day, {dark} in the reading room");

        var failures = new List<string>();
        foreach (var (width, height) in new[] { (1440, 900), (390, 844) })
        {
            await elsewhere.SetViewportSizeAsync(width, height);
            await elsewhere.GotoAsync("/");
            await Assertions.Expect(elsewhere.Locator("tr[data-exam]").First).ToBeVisibleAsync();
            await Accessibility.ScanAsync(elsewhere, $"reading room, worklist, {width}px", failures);
            await BrowserApp.SaveScreenshotAsync(elsewhere, $"reading-room-worklist-{width}");
            await elsewhere.GotoAsync($"/exams/{examId}");
            await Assertions.Expect(elsewhere.GetByLabel("Report text")).ToBeVisibleAsync();
            await Accessibility.ScanAsync(elsewhere, $"reading room, exam view, {width}px", failures);
            await BrowserApp.SaveScreenshotAsync(elsewhere, $"reading-room-exam-{width}");
            await elsewhere.Keyboard.PressAsync("?");
            await Accessibility.ScanAsync(elsewhere, $"reading room, shortcut list, {width}px", failures);
            await elsewhere.Keyboard.PressAsync("Escape");
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));

        // And back: the choice is the user's both ways.
        await elsewhere.GetByRole(AriaRole.Button, new() { Name = "Reading-room theme" }).ClickAsync();
        var again = await app.SignedInPageAsync("radiologist2");
        await Assertions.Expect(again.GetByRole(AriaRole.Button, new() { Name = "Reading-room theme" }))
            .ToHaveAttributeAsync("aria-pressed", "false");
    }

    private static async Task<string> BackgroundAsync(IPage page)
    {
        await Assertions.Expect(page.Locator(".mud-main-content")).ToBeVisibleAsync();
        return await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
    }

    /// <summary>Relative luminance (WCAG) of a CSS rgb() colour.</summary>
    private static double Luminance(string rgb)
    {
        var parts = rgb[(rgb.IndexOf('(') + 1)..rgb.IndexOf(')')].Split(',').Take(3)
            .Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture) / 255).ToArray();
        static double Linear(double c) => c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        return (0.2126 * Linear(parts[0])) + (0.7152 * Linear(parts[1])) + (0.0722 * Linear(parts[2]));
    }
}
