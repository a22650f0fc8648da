using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ImagingWorklist.E2E;

[Collection(BrowserCollection.Name)]
public sealed class WorklistBrowserTests(BrowserApp app)
{
    private static readonly string[] Pages = ["/", "/dashboard", "/rota", "/admin", "/no-such-page"];

    [Fact]
    public async Task TheSignInPageRefusesAWrongPasswordAndSaysSo()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.GetByLabel("User name").FillAsync("radiologist");
        await page.GetByLabel("Password").FillAsync("wrong password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("do not match an account");
        var result = await page.RunAxe();
        Assert.DoesNotContain(result.Violations, v => v.Impact is "serious" or "critical");
    }

    [Fact]
    public async Task TheWorklistShowsSeededExamsMostUrgentFirst()
    {
        var page = await app.SignedInPageAsync("manager");
        await page.GotoAsync("/");

        var rows = page.Locator("table tbody tr.mud-table-row");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("3,000 open exams across the network")).ToBeVisibleAsync();

        var firstPriority = await rows.First.Locator("td").First.InnerTextAsync();
        Assert.Equal("Stat", firstPriority.Trim());
        Assert.True(await rows.CountAsync() >= 10, "the visible window of the virtualised list is filled");
        Assert.True(await rows.CountAsync() < 200, "the list is virtualised, not all 3,000 rows at once");
        await BrowserApp.SaveScreenshotAsync(page, "worklist");
    }

    [Fact]
    public async Task SortingByDueTimePutsTheMostOverdueFirst()
    {
        var page = await app.SignedInPageAsync("manager");
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("table tbody tr.mud-table-row").First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Columnheader, new() { Name = "Due" }).Locator(".column-header").ClickAsync();

        await Assertions.Expect(page.Locator("table tbody tr.mud-table-row").First.Locator("td").Nth(1)).ToContainTextAsync("overdue by");
    }

    [Fact]
    public async Task NavigationReachesEveryPage()
    {
        var page = await app.SignedInPageAsync("admin");
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("table tbody tr.mud-table-row").First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Northfell Teaching Hospitals NHS Foundation Trust").First).ToBeVisibleAsync();
        await BrowserApp.SaveScreenshotAsync(page, "dashboard");

        await page.GetByRole(AriaRole.Link, new() { Name = "Rota" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rota" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-shift]").First).ToBeVisibleAsync();
        await BrowserApp.SaveScreenshotAsync(page, "rota");

        await page.GetByRole(AriaRole.Link, new() { Name = "Admin" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Network administration" })).ToBeVisibleAsync();
        await page.GetByLabel("Search reporters").FillAsync("Teleradiology");
        await Assertions.Expect(page.GetByText("Northern Teleradiology Ltd (outsourced)")).ToBeVisibleAsync();
        await BrowserApp.SaveScreenshotAsync(page, "admin");
    }

    [Fact]
    public async Task EveryPagePassesAnAccessibilityScanWithNoSeriousOrCriticalViolations()
    {
        var failures = new List<string>();
        var radiologist = await app.SignedInPageAsync("radiologist");
        await Assertions.Expect(radiologist.Locator("tr[data-exam]").First).ToBeVisibleAsync();
        await Accessibility.ScanAsync(radiologist, "/ (my worklist)", failures);
        await radiologist.Locator("tr[data-exam]").First.GetByRole(AriaRole.Button, new() { Name = "Why?" }).ClickAsync();
        await Accessibility.ScanAsync(radiologist, "/ (explanation open)", failures);
        await radiologist.Locator("tr[data-exam]").First.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await Assertions.Expect(radiologist.GetByRole(AriaRole.Region, new() { Name = "Patient" })).ToBeVisibleAsync();
        await Accessibility.ScanAsync(radiologist, "/exams/{id}", failures);

        var page = await app.SignedInPageAsync("admin");
        foreach (var path in Pages)
        {
            await page.GotoAsync(path);
            await Accessibility.ScanAsync(page, path, failures);
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
