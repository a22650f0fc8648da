using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ImagingWorklist.E2E;

/// <summary>
/// The accessibility scan every browser test uses: axe with the WCAG 2.0, 2.1 and 2.2 A and AA rules plus axe's best
/// practices, collecting each serious or critical violation with where it is, so one test can scan many views and
/// report them all at once.
/// </summary>
internal static class Accessibility
{
    private static readonly AxeRunOptions Rules = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        ResultTypes = [ResultType.Violations],
    };

    public static async Task ScanAsync(IPage page, string name, List<string> failures)
    {
        await Assertions.Expect(page.Locator("h1").First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // The page marks sideways-scrolling tables shortly after they change; mark them now, as the page would.
        await page.EvaluateAsync("() => window.iwMarkScrollers?.()");
        await page.WaitForTimeoutAsync(300);
        await page.EvaluateAsync("() => window.iwMarkScrollers?.()");
        var result = await page.RunAxe(Rules);
        if (result.Violations.Any(v => v.Id == "scrollable-region-focusable"))
        {
            // A table that grew while axe ran is marked by the page within 100 ms of the change; look again once it has.
            await page.WaitForTimeoutAsync(500);
            result = await page.RunAxe(Rules);
        }

        failures.AddRange(result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v =>
                $"{name}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}"));
    }
}
