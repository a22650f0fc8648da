using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ImagingWorklist.E2E;

[Collection(BrowserCollection.Name)]
public sealed class ActivityBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task AManagerSeesEveryReportersActivityAndAReporterOnlyTheirOwn()
    {
        var manager = await app.SignedInPageAsync("manager");
        await manager.GotoAsync("/activity");
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Reporter activity" })).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByTestId("activity-summary")).ToContainTextAsync("mean utilisation of rostered capacity");
        Assert.True(await manager.Locator("tr[data-reporter]").CountAsync() > 10);

        // The balance by week: every reporter in the manager's trusts, four weeks, minutes and share of rostered capacity.
        var balance = manager.GetByTestId("balance-table");
        await Assertions.Expect(balance.Locator("thead th")).ToHaveCountAsync(5);
        Assert.True(await balance.Locator("tr[data-balance]").CountAsync() > 10);
        await Assertions.Expect(balance).ToContainTextAsync("Mean share, every rostered reporter");
        await BrowserApp.SaveScreenshotAsync(manager, "activity-manager");
        var scan = await manager.RunAxe();
        Assert.DoesNotContain(scan.Violations, v => v.Impact is "serious" or "critical");

        var radiologist = await app.SignedInPageAsync("radiologist");
        await radiologist.GotoAsync("/activity");
        await Assertions.Expect(radiologist.GetByRole(AriaRole.Heading, new() { Name = "Your activity" })).ToBeVisibleAsync();
        await Assertions.Expect(radiologist.GetByText("Minutes per report")).ToBeVisibleAsync();
        await Assertions.Expect(radiologist.Locator("tr[data-reporter]")).ToHaveCountAsync(0);
        await Assertions.Expect(radiologist.GetByRole(AriaRole.Heading, new() { Name = "Your balance by week" })).ToBeVisibleAsync();
        await Assertions.Expect(radiologist.GetByTestId("balance-table").Locator("tr[data-balance]")).ToHaveCountAsync(1);
        await BrowserApp.SaveScreenshotAsync(radiologist, "activity-reporter");
    }
}
