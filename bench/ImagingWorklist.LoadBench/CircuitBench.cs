using System.Globalization;
using ImagingWorklist.Application.Claiming;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using ImagingWorklist.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ImagingWorklist.LoadBench;

/// <summary>
/// Blazor circuits in the system Chromium against the real app (demo network, SQLite) on loopback, each figure a ratio
/// to a baseline in the same run: the managed heap per worklist circuit against an almost empty page's circuit (the
/// layout and one line: the exam page for an exam that does not exist); the heap after many tab open/close cycles
/// against the heap after the first tenth of them; and, with many tabs open, the time from a claim or release to the
/// row changing in every tab against the same with one tab.
/// </summary>
internal sealed class CircuitBench(int tabs, int cycles, int changes)
{
    private const string Chromium = "/usr/bin/chromium";
    private const string EmptyPage = "/exams/00000000-0000-0000-0000-000000000001";

    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(70);
    private static readonly Random Spacing = new(20261204);

    private OpenCircuits _circuits = null!;

    public async Task RunAsync()
    {
        await using var app =
            new WorklistAppFactory(DatabaseProvider.Sqlite, settings: new Dictionary<string,
            string?> { ["Logging:LogLevel:Default"] = "Warning" });
        app.UseKestrel(0);
        app.StartServer();
        var address =
            new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        _circuits = app.Services.GetRequiredService<OpenCircuits>();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync"],
        });
        var radiologist = await SignedInAsync(browser, address, "radiologist");
        var radiologist2 = await SignedInAsync(browser, address, "radiologist2");

        Console.WriteLine(
            $"Blazor circuits, in-process app (demo network, SQLite) on loopback, system Chromium; managed heap after a full collection.");
        await MemoryAsync(radiologist);
        await CyclesAsync(radiologist);
        await CommitToScreenAsync(app.Services, radiologist, radiologist2);
    }

    private async Task MemoryAsync(IBrowserContext context)
    {
        // Warm-up: JIT, MudBlazor's and the app's static caches, the first circuits' one-off allocations.
        await BytesPerCircuitAsync(context, EmptyPage, EmptyReadyAsync);
        await BytesPerCircuitAsync(context, "/", WorklistReadyAsync);
        var empty = new List<double>();
        var worklist = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            empty.Add(await BytesPerCircuitAsync(context, EmptyPage, EmptyReadyAsync));
            worklist.Add(await BytesPerCircuitAsync(context, "/", WorklistReadyAsync));
        }

        var (e, w) = (Median(empty), Median(worklist));
        Console.WriteLine(Invariant($"  per circuit, {tabs} tabs at once, median of 3 rounds: empty page {e / 1024:0} KB, ")
            + Invariant($"worklist {w / 1024:0} KB; ratio worklist/empty {w / e:0.00}"));
        Console.WriteLine($"    rounds (KB): empty {Kilobytes(empty)}; worklist {Kilobytes(worklist)}");
    }

    private async Task<double> BytesPerCircuitAsync(IBrowserContext context, string path, Func<IPage, Task> ready)
    {
        await WaitForCircuitsAsync(0);
        var before = Heap();
        var pages = new List<IPage>();
        for (var i = 0; i < tabs; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(path);
            await ready(page);
            pages.Add(page);
        }

        await WaitForCircuitsAsync(tabs);
        await Task.Delay(500);
        var after = Heap();

        foreach (var page in pages)
        {
            await page.CloseAsync();
        }

        return (double)(after - before) / tabs;
    }

    /// <summary>
    /// Opens a worklist tab, waits for its rows and closes it, many times. A tab closed while a component's JS call is in
    /// flight leaves that call pending until Blazor's JS interop timeout (one minute) and the closed circuit reachable
    /// from it until then; so the heap is compared before and after a settle of just over that minute, and the heaps at
    /// each tenth (no settle) show what is held meanwhile.
    /// </summary>
    private async Task CyclesAsync(IBrowserContext context)
    {
        var every = Math.Max(1, cycles / 10);
        await SettleAsync();
        var before = Heap();
        var during = new List<long>();
        for (var cycle = 1; cycle <= cycles; cycle++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/");
            await WorklistReadyAsync(page);
            await page.CloseAsync();
            if (cycle % every == 0)
            {
                await WaitForCircuitsAsync(0);
                during.Add(Heap());
            }
        }

        await SettleAsync();
        var after = Heap();
        Console.WriteLine(Invariant($"  {cycles} open/close cycles of a worklist tab: heap {before / 1048576.0:0.0} MB before, ")
            + Invariant($"{after / 1048576.0:0.0} MB after (each after a {Settle.TotalSeconds:0} s settle); ")
            + Invariant($"ratio {(double)after / before:0.000}, ")
            + Invariant($"{(double)(after - before) / cycles:0} B per cycle; circuits left open: {_circuits.Count}"));
        var tenths = string.Join(", ", during.Select(h => (h / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture)));
        Console.WriteLine($"    heap (MB) at each tenth, no settle: {tenths}");
    }

    private async Task SettleAsync()
    {
        await WaitForCircuitsAsync(0);
        await Task.Delay(Settle);
    }

    private async Task CommitToScreenAsync(IServiceProvider services, IBrowserContext first, IBrowserContext second)
    {
        var exam = await DemoPeople.SharedExamAsync(services, "radiologist", "radiologist2");
        var reporter = await DemoPeople.ReporterOfAsync(services, "radiologist");
        var claims = services.GetRequiredService<ClaimService>();
        var actor = new Actor("radiologist", reporter);
        await ChangesSeenAsync([second], 5, exam, claims, reporter, actor); // warm-up
        var one = await ChangesSeenAsync([second], changes, exam, claims, reporter, actor);
        var many =
            await ChangesSeenAsync([.. Enumerable.Range(0, tabs).Select(i => i % 2 == 0 ? first : second)], changes, exam, claims,
            reporter, actor);
        Console.WriteLine(
            Invariant(
            $"  from a claim or release (the call's start) to the row leaving or joining the list in the tab's page, {changes} changes:"));
        Console.WriteLine(
            Invariant($"      1 tab:  p50 {one.Percentile(50):0} ms, p95 {one.Percentile(95):0} ms, max {one.Max:0} ms (n={one.Count})"));
        Console.WriteLine(Invariant($"    {tabs,3} tabs: p50 {many.Percentile(50):0} ms, p95 {many.Percentile(95):0} ms, ")
            + Invariant($"max {many.Max:0} ms ")
            + Invariant($"(n={many.Count}); ratio p95({tabs})/p95(1) {many.Percentile(95) / one.Percentile(95):0.00}"));
    }

    /// <summary>
    /// Opens a tab per context given, then claims and releases the exam in turn; each tab's page notes (a mutation
    /// observer, on the browser's clock, calibrated against this process's) when the exam's row left or rejoined the list.
    /// </summary>
    private static async Task<Latencies> ChangesSeenAsync(IBrowserContext[] contexts, int count, Guid exam, ClaimService claims,
        Guid reporter, Actor actor)
    {
        var row = $"[aria-describedby=\"my-caption\"] tr[data-exam=\"{exam}\"]";
        var pages = new List<(IPage Page, double Offset)>();
        foreach (var context in contexts)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/");
            await page.Locator(row).WaitForAsync();
            await page.EvaluateAsync(
                """
                selector => {
                  window.iwSeen = [];
                  let present = document.querySelector(selector) !== null;
                  new MutationObserver(() => {
                    const now = document.querySelector(selector) !== null;
                    if (now !== present) { present = now; window.iwSeen.push(performance.timeOrigin + performance.now()); }
                  }).observe(document.body, { childList: true, subtree: true });
                }
                """, row);
            pages.Add((page, await ClockOffsetAsync(page)));
        }

        var latencies = new Latencies();
        Guid? lease = null;
        for (var change = 0; change < count; change++)
        {
            var started = UnixMilliseconds();
            if (lease is { } token)
            {
                Require(await claims.ReleaseAsync(exam, token, "Circuit benchmark", actor));
                lease = null;
            }
            else
            {
                var claim = await claims.ClaimAsync(exam, reporter, actor);
                Require(claim.Succeeded ? Outcome.Accepted : Outcome.Rejected(claim.Reason!));
                lease = claim.Value!.LeaseToken;
            }

            foreach (var (page, offset) in pages)
            {
                await page.WaitForFunctionAsync("n => window.iwSeen.length >= n", change + 1, new() { Timeout = 10_000 });
                var seen = await page.EvaluateAsync<double>("n => window.iwSeen[n]", change);
                latencies.Add(seen - offset - started);
            }

            // Changes at irregular intervals, some of them inside the pages' 200 ms coalescing window.
            await Task.Delay(Spacing.Next(100, 600));
        }

        if (lease is { } held)
        {
            Require(await claims.ReleaseAsync(exam, held, "Circuit benchmark", actor));
        }

        foreach (var (page, _) in pages)
        {
            await page.CloseAsync();
        }

        return latencies;
    }

    /// <summary>The browser's clock minus this process's, from a round trip (both read the same system clock).</summary>
    private static async Task<double> ClockOffsetAsync(IPage page)
    {
        var before = UnixMilliseconds();
        var browser = await page.EvaluateAsync<double>("() => performance.timeOrigin + performance.now()");
        var after = UnixMilliseconds();
        return browser - ((before + after) / 2);
    }

    private static async Task<IBrowserContext> SignedInAsync(IBrowser browser, Uri address, string userName)
    {
        var context =
            await browser.NewContextAsync(
            new BrowserNewContextOptions { BaseURL = address.ToString(), ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(WorklistAppFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await WorklistReadyAsync(page);
        await page.CloseAsync();
        return context;
    }

    private static Task WorklistReadyAsync(IPage page)
        => page.Locator("[aria-describedby=\"my-caption\"] tr[data-exam]").First.WaitForAsync();

    private static Task EmptyReadyAsync(IPage page)
        => page.GetByText("Back to the worklist").And(page.GetByRole(AriaRole.Link)).WaitForAsync();

    private async Task WaitForCircuitsAsync(int open)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (_circuits.Count != open)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Expected {open} open circuits, found {_circuits.Count} after 30 s.");
            }

            await Task.Delay(20);
        }
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static void Require(Outcome outcome)
    {
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"The benchmark's claim or release was refused: {outcome.Reason}");
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static double UnixMilliseconds() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Kilobytes(IEnumerable<double> bytes) =>
        string.Join(", ", bytes.Select(x => (x / 1024).ToString("0", CultureInfo.InvariantCulture)));
}
