using ImagingWorklist.Testing;
using Microsoft.Playwright;

namespace ImagingWorklist.E2E;

[Collection(BrowserCollection.Name)]
public sealed class DashboardBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task TheBacklogTableRendersTheSeededNetworkAndChangesLiveWhenAnExamIsReported()
    {
        var manager = await app.SignedInPageAsync("manager");
        await manager.GotoAsync("/dashboard?tab=turnaround");
        await Assertions.Expect(manager.Locator("tbody[data-pathway] tr.iw-group").First).ToBeVisibleAsync();
        await Assertions.Expect(manager.Locator("tr[data-turnaround]").First).ToBeVisibleAsync();
        await BrowserApp.SaveScreenshotAsync(manager, "dashboard-turnaround");

        await manager.GetByRole(AriaRole.Tab, new() { Name = "Backlog" }).ClickAsync();
        await manager.WaitForURLAsync("**/dashboard?tab=backlog");
        var total = manager.Locator("tr.iw-total td").First;
        await Assertions.Expect(total).Not.ToHaveTextAsync("0");
        var before =
            int.Parse((await total.InnerTextAsync()).Replace(",", string.Empty, StringComparison.Ordinal),
            System.Globalization.CultureInfo.InvariantCulture);
        await BrowserApp.SaveScreenshotAsync(manager, "dashboard-backlog");

        await DemoPeople.ClaimAndSignAsync(app.Services, "radiologist", "Normal study.", skip: 12);

        var after = (before - 1).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
        await Assertions.Expect(total).ToHaveTextAsync(after, new() { Timeout = 10_000 });

        // The headline tile follows too: the page never shows two open counts.
        await Assertions.Expect(manager.GetByTestId("open-exams")).ToHaveTextAsync(after, new() { Timeout = 10_000 });

        // A number opens to its exams.
        await manager.Locator("tr[data-line] td[data-measure='Open'] a").First.ClickAsync();
        await Assertions.Expect(
            manager.GetByRole(AriaRole.Heading,
            new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^.+ \(trust\): open exams$") })).ToBeVisibleAsync();
        await Assertions.Expect(manager.Locator("tr[data-exam]").First).ToBeVisibleAsync();

        // ...and its way back returns to the tab it came from.
        await manager.GetByRole(AriaRole.Link, new() { Name = "Back to the dashboard" }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Tab, new() { Name = "Backlog" })).ToHaveAttributeAsync("aria-selected", "true");
    }

    [Fact]
    public async Task TheMonthlyReturnShowsTheNetworkAndEachTrustForTheMonthChosen()
    {
        var manager = await app.SignedInPageAsync("manager");
        await manager.GotoAsync("/dashboard?tab=return");
        var month = DateTime.UtcNow.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

        await manager.GetByRole(AriaRole.Combobox, new() { Name = "Month" }).ClickAsync();
        await manager.GetByRole(AriaRole.Option, new() { Name = $"{month} (so far)" }).ClickAsync();

        var table = manager.GetByRole(AriaRole.Table, new() { Name = "Turnaround return, all modalities, by organisation and setting" });
        await Assertions.Expect(table.Locator("tr[data-return='NETWORK|All']")).ToBeVisibleAsync();
        await Assertions.Expect(table.Locator("tr[data-return='RZ1|All']")).ToBeVisibleAsync();
        await Assertions.Expect(table.Locator("tr[data-return='NETWORK|Emergency department']")).ToContainTextAsync("Emergency department");
        await Assertions.Expect(manager.GetByRole(AriaRole.Link, new() { Name = "Full return (CSV)" }))
            .ToHaveAttributeAsync("href", $"/api/dashboard/monthly-return.csv?month={DateTime.UtcNow:yyyy-MM}");
        await table.ScrollIntoViewIfNeededAsync();
        await BrowserApp.SaveScreenshotAsync(manager, "monthly-return");
    }

    [Fact]
    public async Task TheForecastRunsWithProgressAndNamesAnActionOrSaysNoneIsNeeded()
    {
        var manager = await app.SignedInPageAsync("manager");
        await manager.GotoAsync("/dashboard?tab=forecast");

        await manager.GetByRole(AriaRole.Button, new() { Name = "Run forecast" }).ClickAsync();

        await Assertions.Expect(manager.GetByTestId("forecast-action")).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await Assertions.Expect(manager.GetByTestId("forecast-action"))
            .ToContainTextAsync(
            new System.Text.RegularExpressions.Regex("Most useful action: add 4 h of|No single extra four-hour session"));
        await Assertions.Expect(manager.GetByRole(AriaRole.Table, new() { Name = "Forecast by day" }).Locator("tbody tr"))
            .ToHaveCountAsync(7);
        await Assertions.Expect(manager.GetByRole(AriaRole.Button, new() { Name = "Run again" })).ToBeEnabledAsync();
        await manager.GetByTestId("forecast-action").ScrollIntoViewIfNeededAsync();
        await BrowserApp.SaveScreenshotAsync(manager, "forecast");
    }
}
