using System.Net.Sockets;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using ImagingWorklist.Web.Interop.Hl7v2;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ImagingWorklist.E2E;

/// <summary>
/// Losing an instance: two app processes on one PostgreSQL and Redis behind a sticky load balancer; the one a reporter
/// and an HL7 sender are using is killed outright (SIGKILL) while the reporter holds a claim with a draft. The browser
/// comes back on the survivor with the claim and every keystroke; a colleague there cannot take the exam; the survivor
/// keeps ranking; the sender reconnects, resends, and nothing acknowledged is lost or applied twice.
/// </summary>
public sealed class InstanceFailureTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private StickyProxy _web = null!;
    private StickyProxy _mllp = null!;
    private AppProcess _a = null!;
    private AppProcess _b = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        var redis = Environment.GetEnvironmentVariable(ScaleOutBrowserTests.RedisVariable) is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException(
                $"The instance-failure test needs Redis: set {ScaleOutBrowserTests.RedisVariable} (./test.sh starts one and sets it).");
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var (webA, webB, mllpA, mllpB) = (BrowserApp.FreePort(), BrowserApp.FreePort(), BrowserApp.FreePort(), BrowserApp.FreePort());
        _web = new StickyProxy(webA, webB);
        _mllp = new StickyProxy(mllpA, mllpB);
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Worklist"] = _database.ConnectionString,
            ["Redis:Configuration"] = redis,
            ["Security:PublicBaseUrl"] = _web.Address.ToString(),
        };
        _a = await AppProcess.StartAsync(settings, webA, mllpA);
        _b = await AppProcess.StartAsync(settings, webB, mllpB);
        _playwright = await Playwright.CreateAsync();
        _browser = await BrowserApp.LaunchChromiumAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        await _mllp.DisposeAsync();
        await _web.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task KillingTheInstanceAReporterAndASenderUseLosesNoClaimNoDraftAndNoAcknowledgedMessage()
    {
        var page = await BrowserApp.SignedInPageAsync(_browser, _web.Address, "radiologist");
        var first = page.Locator("tr[data-exam]").First;
        await Assertions.Expect(first).ToBeVisibleAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        var box = page.GetByLabel("Report text");
        await Assertions.Expect(box).ToBeVisibleAsync();
        var examId = Guid.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..]);
        await box.FillAsync("Findings: small left pleural effusion.");
        await Assertions.Expect(page.Locator("#save-state")).ToContainTextAsync("Draft saved at");
        const string Typed = "Findings: small left pleural effusion.\nNo pneumothorax.";
        await box.FillAsync(Typed);

        using var sender = new TcpClient();
        await sender.ConnectAsync("127.0.0.1", _mllp.Port);
        var order = Order("KILL1", "RZ1KILL00001");
        Assert.Contains("MSA|AA|KILL1|", await ExchangeAsync(sender.GetStream(), order), StringComparison.Ordinal);

        await page.EvaluateAsync("() => { window.iwBeforeFailure = true; }");
        await _a.KillAsync();

        // The page notices, reaches the survivor through the load balancer, finds its circuit gone and reloads (by
        // itself, or from the link it shows): the claim is still the reporter's and the text is all there.
        var reload = page.Locator("#components-reconnect-modal a[data-reload]:visible");
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!await BoxShowsAsync(page, Typed))
        {
            Assert.True(DateTime.UtcNow < until, "the reporter's page did not come back on the surviving instance within 60 seconds");
            if (await reload.CountAsync() > 0)
            {
                await reload.First.ClickAsync();
            }

            await Task.Delay(500);
        }

        Assert.EndsWith($"/exams/{examId}", page.Url, StringComparison.Ordinal);

        var colleague = await BrowserApp.SignedInPageAsync(_browser, _web.Address, "radiologist2");
        await Assertions.Expect(colleague.Locator("tr[data-exam]").First).ToBeVisibleAsync();
        await Assertions.Expect(colleague.Locator($"tr[data-exam='{examId}']")).ToHaveCountAsync(0);
        await colleague.GotoAsync($"/exams/{examId}");
        await Assertions.Expect(colleague.GetByLabel("Report text")).ToHaveCountAsync(0);

        // The sender's connection died with the instance; it reconnects and resends what it is unsure of.
        Assert.ThrowsAny<Exception>(() => ExchangeAsync(sender.GetStream(), Order("KILL2", "RZ1KILL00002")).GetAwaiter().GetResult());
        using var again = new TcpClient();
        await again.ConnectAsync("127.0.0.1", _mllp.Port);
        Assert.Contains("MSA|AA|KILL1|", await ExchangeAsync(again.GetStream(), order), StringComparison.Ordinal);
        Assert.Contains("MSA|AA|KILL2|", await ExchangeAsync(again.GetStream(), Order("KILL2", "RZ1KILL00002")), StringComparison.Ordinal);

        await using var db = _database.CreateDbContext();
        var exam = await db.Exams.AsNoTracking().SingleAsync(e => e.Id == examId);
        var holder = await db.Users.SingleAsync(u => u.UserName == "radiologist");
        Assert.Equal(holder.ReporterId, exam.ClaimedById);
        // The keystrokes the dead instance never saved come back from the tab's copy and are saved by the survivor.
        var saved = DateTime.UtcNow.AddSeconds(15);
        while ((await db.Reports.AsNoTracking().SingleAsync(r => r.ExamId == examId && r.SignedAt == null)).Text != Typed
            && DateTime.UtcNow < saved)
        {
            await Task.Delay(200);
        }

        Assert.Equal(Typed, (await db.Reports.AsNoTracking().SingleAsync(r => r.ExamId == examId && r.SignedAt == null)).Text);
        Assert.Equal(1, await db.InboundMessages.CountAsync(m => m.ControlId == "KILL1"));
        Assert.Equal(2, await db.InboundMessages.CountAsync(m => (m.ControlId == "KILL1" || m.ControlId == "KILL2") && m.ExamId != null));
    }

    private static async Task<bool> BoxShowsAsync(IPage page, string text)
    {
        try
        {
            // A new document (the old one, marked before the failure, would still show the text it had).
            var box = page.GetByLabel("Report text");
            return !await page.EvaluateAsync<bool>("() => window.iwBeforeFailure === true")
                && await box.CountAsync() == 1 && await box.InputValueAsync(new() { Timeout = 1_000 }) == text;
        }
        catch (PlaywrightException)
        {
            // The page is between documents.
            return false;
        }
    }

    private static async Task<string> ExchangeAsync(NetworkStream stream, string message)
    {
        await stream.WriteAsync(Mllp.Frame(message));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await Mllp.ReadFrameAsync(stream, timeout.Token) ?? throw new IOException("The connection closed without an answer.");
    }

    private static string Order(string controlId, string accession) =>
        $"MSH|^~\\&|RIS|RZ1|IW|NET|{DateTime.UtcNow:yyyyMMddHHmmss}||ORM^O01|{controlId}|P|2.4\r" +
        "PID|1||9434765919^^^NHS^NH~K1^^^RZ1^MR||Failover^Fran||19800101|F\rPV1|1|O|^^^RZ101\r" +
        $"ORC|NW|P1|F1||SC\rOBR|1|P1|F1|XCHES^XR Chest|R||||||||Cough|||||{accession}\r";
}
