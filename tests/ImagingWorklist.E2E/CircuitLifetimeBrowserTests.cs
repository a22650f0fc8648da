using ImagingWorklist.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ImagingWorklist.E2E;

/// <summary>
/// A closed tab's circuit is closed at once (the page's unload beacon), not kept for Blazor's three-minute reconnection
/// window: a reporter who opens and closes exam tabs all day does not pile up circuits on the server. The memory figures
/// (per circuit, and over 1,000 open/close cycles) are the circuit benchmark's (bench/README.md).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CircuitLifetimeBrowserTests(BrowserApp app)
{
    private const int Tabs = 5;

    [Fact]
    public async Task ClosingWorklistTabsClosesTheirCircuits()
    {
        var circuits = app.Services.GetRequiredService<OpenCircuits>();
        var first = await app.SignedInPageAsync("radiologist");
        await Assertions.Expect(first.Locator("tr[data-exam]").First).ToBeVisibleAsync();
        var before = circuits.Count;

        var tabs = new List<IPage>();
        for (var i = 0; i < Tabs; i++)
        {
            var tab = await first.Context.NewPageAsync();
            await tab.GotoAsync("/");
            await Assertions.Expect(tab.Locator("tr[data-exam]").First).ToBeVisibleAsync();
            tabs.Add(tab);
        }

        await WaitForAsync(() => circuits.Count == before + Tabs, $"{Tabs} more circuits once the tabs show the worklist");
        foreach (var tab in tabs)
        {
            await tab.CloseAsync();
        }

        await WaitForAsync(() => circuits.Count == before, "the closed tabs' circuits to close");
        await Assertions.Expect(first.Locator("tr[data-exam]").First).ToBeVisibleAsync();
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited 15 s for {what}.");
            await Task.Delay(50);
        }
    }
}
