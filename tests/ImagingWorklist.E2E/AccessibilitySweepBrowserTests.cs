using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ImagingWorklist.E2E;

/// <summary>
/// Every view each role reaches, every tab of it, at a desktop and a phone size, scanned with the WCAG 2.0-2.2 A/AA
/// rules: no serious or critical violation anywhere. All findings are reported together.
/// </summary>
[Collection(AccessibilitySweepCollection.Name)]
public sealed class AccessibilitySweepBrowserTests(BrowserApp app)
{
    private static readonly (int Width, int Height)[] Sizes = [(1440, 900), (390, 844)];

    /// <summary>Per role: the address, and the tabs to open one after another on it (none: the page as it opens).</summary>
    private static readonly (string Role, (string Path, string[] Tabs)[] Views)[] Sweep =
    [
        ("radiologist", [("/", ["My worklist", "Whole network"]), ("/rota", []), ("/activity", [])]),
        ("manager",
            [("/dashboard", ["Turnaround", "Findings", "Fast lanes", "Forecast", "Monthly return", "Activity", "Backlog"]),
            ("/dashboard/exams?by=Trust&key=RZ1&measure=Open", []), ("/follow-ups?view=all", []), ("/activity", []), ("/", []),
            ("/ai", [])]),
        ("coordinator", [("/rota", ["By skill", "Day", "Cover and demand", "Job plans", "Leave", "Files", "What if", "By reporter"])]),
        ("admin",
            [("/admin",
            ["Network and credentials", "Users", "Integration clients", "Inbound messages", "Procedures", "Report templates",
            "Report delivery", "Audit trail"])]),
        ("researcher", [("/research", [])]),
        ("guardian", [("/research", [])]),
    ];

    public static TheoryData<string> Roles => [.. Sweep.Select(s => s.Role)];

    /// <summary>
    /// Both themes: by day, then the reading room (switched back afterwards, since it is remembered per user). The two
    /// sizes are swept at once, each in its own signed-in page, so one waits for axe while the other renders. One role per
    /// test, so each stays well inside the runner's five-minute hang limit.
    /// </summary>
    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EveryViewOfTheRolePassesAtDesktopAndPhoneSizesInBothThemes(string role)
    {
        var views = Sweep.Single(s => s.Role == role).Views;
        var pages = await Task.WhenAll(Sizes.Select(_ => app.SignedInPageAsync(role)));
        var failures = Sizes.Select(_ => new List<string>()).ToArray();
        foreach (var theme in new[] { "day", "reading-room" })
        {
            if (theme == "reading-room")
            {
                await ToggleThemeAsync(pages[0], pressed: "true");
            }

            try
            {
                await Task.WhenAll(Sizes.Select((size, i) => SweepAsync(pages[i], role, views, theme, size, failures[i])));
            }
            finally
            {
                if (theme == "reading-room")
                {
                    await pages[0].SetViewportSizeAsync(1440, 900);
                    await ToggleThemeAsync(pages[0], pressed: "false");
                }
            }
        }

        var all = failures.SelectMany(f => f).ToList();
        Assert.True(all.Count == 0, $"{all.Count} violations:{Environment.NewLine}{string.Join(Environment.NewLine, all)}");
    }

    private static async Task SweepAsync(IPage page, string role, (string Path, string[] Tabs)[] views, string theme,
        (int Width, int Height) size, List<string> failures)
    {
        await page.SetViewportSizeAsync(size.Width, size.Height);
        foreach (var (path, tabs) in views)
        {
            await page.GotoAsync(path);
            await Accessibility.ScanAsync(page, $"{role} {path} {theme} {size.Width}px", failures);
            await BrowserApp.SaveScreenshotAsync(page, Shot(role, path, null, theme, size.Width));
            foreach (var tab in tabs)
            {
                var name = new Regex($@"^{Regex.Escape(tab)}( \(.+\))?$");
                await page.GetByRole(AriaRole.Tab, new() { NameRegex = name }).ClickAsync();
                await Accessibility.ScanAsync(page, $"{role} {path} [{tab}] {theme} {size.Width}px", failures);
                await BrowserApp.SaveScreenshotAsync(page, Shot(role, path, tab, theme, size.Width));
            }
        }
    }

    private static async Task ToggleThemeAsync(IPage page, string pressed)
    {
        await page.GotoAsync("/");
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Reading-room theme" });
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", pressed);
    }

    private static string Shot(string role, string path, string? tab, string theme, int width)
    {
        var page = path.Split('?')[0] + (tab is null ? "" : "-" + tab);
        var slug = new string([.. page.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]).Trim('-');
        return $"sweep-{role}-{slug}-{theme}-{width}";
    }
}
