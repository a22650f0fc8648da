using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ImagingWorklist.E2E;

/// <summary>
/// The real app on Kestrel at a free loopback port, seeded with the demo network, and the system Chromium driven by
/// Playwright. Playwright's own browser download cannot work here, so the Debian package is used (see test.sh).
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly WorklistAppFactory _factory;
    private IPlaywright? _playwright;

    public BrowserApp()
        : this(new WorklistAppFactory(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?>
        {
            // A fast-lane exam is announced again this often, so a browser test sees the repeat within seconds.
            ["FastLanes:AlertRepeat"] = "00:00:03",
        }))
    {
    }

    /// <summary>Internal so that xunit, which wants one public constructor on a fixture, sees only the default one.</summary>
    internal BrowserApp(WorklistAppFactory factory) => _factory = factory;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _factory.Services;

    public async Task InitializeAsync()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));

        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>The system Chromium, headless, with nothing reaching out to the (closed) network.</summary>
    public static async Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Browser tests need Chromium at {ChromiumPath}: apt-get install chromium (./test.sh does this).");
        }

        Assertions.SetDefaultExpectTimeout(15_000);
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync"],
        });
    }

    /// <summary>Sends one HL7 v2 message over HTTP as the demo RIS (a client-credentials token, as a trust's system would) and
    /// returns the ACK.</summary>
    public async Task<string> SendHl7AsRisAsync(string message)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        var token = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "demo-ris",
            ["client_secret"] = WorklistAppFactory.RisSecret,
            ["scope"] = "worklist.ingest",
        }));
        var accessToken =
            System.Text.Json.Nodes.JsonNode.Parse(await token.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        using var content = new StringContent(message, System.Text.Encoding.UTF8, "x-application/hl7-v2+er7");
        using var response = await http.PostAsync("/api/hl7v2", content);
        return await response.Content.ReadAsStringAsync();
    }

    public Task<IPage> NewPageAsync() => NewPageAsync(Browser, BaseAddress);

    public static async Task<IPage> NewPageAsync(IBrowser browser, Uri baseAddress)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A fresh browser context signed in through the real sign-in page.</summary>
    public Task<IPage> SignedInPageAsync(string userName) => SignedInPageAsync(Browser, BaseAddress, userName);

    public static async Task<IPage> SignedInPageAsync(IBrowser browser, Uri baseAddress, string userName)
    {
        var page = await NewPageAsync(browser, baseAddress);
        await page.GotoAsync("/account/login");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(WorklistAppFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        return page;
    }

    public static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("WORKLIST_SCREENSHOTS");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = false });
        }
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The clone's root (where ImagingWorklist.sln is), found from the test's own folder.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ImagingWorklist.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Could not find the repository root.");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}

/// <summary>
/// The accessibility sweep on an app of its own: it only reads (and puts each theme back), and it is the longest browser
/// test, so it runs beside the browser collection instead of after it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AccessibilitySweepCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "accessibility sweep";
}
