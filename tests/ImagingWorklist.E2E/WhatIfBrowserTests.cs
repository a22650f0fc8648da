using Microsoft.Playwright;

namespace ImagingWorklist.E2E;

[Collection(BrowserCollection.Name)]
public sealed class WhatIfBrowserTests(BrowserApp app)
{
    /// <summary>
    /// A coordinator proposes an extra network-wide session for tomorrow, sees a wrong time refused with the reason,
    /// and simulates the week: a progress bar, then the rota as it stands against the proposal, measure by measure and
    /// day by day. Nothing in the real rota changes.
    /// </summary>
    [Fact]
    public async Task ACoordinatorSimulatesTheWeekWithAnExtraSession()
    {
        var page = await app.SignedInPageAsync("coordinator");
        await page.GotoAsync("/rota");
        await page.GetByRole(AriaRole.Tab, new() { Name = "What if" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("whatif-summary")).ToContainTextAsync("open exams now");

        var add = page.GetByRole(AriaRole.Heading, new() { Name = "Add a session" }).Locator("..");
        await add.GetByLabel("Reporter").FillAsync("Dr");
        // Click a name the search found for "Dr", not whatever option the list showed before it answered.
        await page.GetByRole(AriaRole.Option, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Dr .+") }).First.ClickAsync();

        // The picker's search answers as the name is typed; the choice holds once the field shows a whole name.
        await Assertions.Expect(add.GetByLabel("Reporter")).Not.ToHaveValueAsync("Dr");
        await Assertions.Expect(add.GetByRole(AriaRole.Button, new() { Name = "Add to the proposal" })).ToBeEnabledAsync();
        await add.GetByLabel("From (hh:mm)").FillAsync("18:00");
        await add.GetByLabel("Until (hh:mm)").FillAsync("09:00");
        await add.GetByRole(AriaRole.Button, new() { Name = "Add to the proposal" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("must end after it starts");

        await add.GetByLabel("From (hh:mm)").FillAsync("08:00");
        await add.GetByLabel("Until (hh:mm)").FillAsync("18:00");
        await add.GetByText("Whole network").ClickAsync();
        await add.GetByRole(AriaRole.Button, new() { Name = "Add to the proposal" }).ClickAsync();
        var changes = page.GetByRole(AriaRole.List, new() { Name = "Proposed changes" });
        await Assertions.Expect(changes).ToContainTextAsync("08:00–18:00, 480 min, network");

        await page.GetByRole(AriaRole.Button, new() { Name = "Simulate the week" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Simulating" })).ToBeVisibleAsync();
        var results = page.GetByRole(AriaRole.Table, new() { Name = "Projected week: rota as it stands against the proposal" });
        await Assertions.Expect(results).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(results.GetByRole(AriaRole.Row, new() { Name = "Breaches" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Projected backlog and breaches by day" })
            .GetByRole(AriaRole.Row)).ToHaveCountAsync(8);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Simulate the week" })).ToBeEnabledAsync();
        await BrowserApp.SaveScreenshotAsync(page, "what-if");
    }
}
