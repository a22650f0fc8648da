using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Deque.AxeCore.Playwright;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;

namespace ImagingWorklist.E2E;

[Collection(BrowserCollection.Name)]
public sealed class SecurityBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task AWorkstationSignsInThroughTheBrowserWithAuthorizationCodeAndPkce()
    {
        var page = await app.NewPageAsync();
        string? callback = null;
        await page.RouteAsync("http://127.0.0.1:*/callback**", async route =>
        {
            callback = route.Request.Url;
            await route.FulfillAsync(
                new() { Status = 200, ContentType = "text/html",
                Body = "<html lang=\"en\"><title>Signed in</title><h1>Signed in: return to your workstation.</h1></html>" });
        });
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var redirect = "http://127.0.0.1:53682/callback";
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "demo-workstation",
            ["response_type"] = "code",
            ["redirect_uri"] = redirect,
            ["scope"] = "openid profile roles worklist.read",
            ["code_challenge"] = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
            ["code_challenge_method"] = "S256",
            ["state"] = "state-42",
        });

        await page.GotoAsync(authorize);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.GetByLabel("User name").FillAsync("radiologist");
        await page.GetByLabel("Password").FillAsync(WorklistAppFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Signed in: return to your workstation." }))
            .ToBeVisibleAsync();

        Assert.NotNull(callback);
        var query = QueryHelpers.ParseQuery(new Uri(callback!).Query);
        Assert.Equal("state-42", query["state"].ToString());
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var exchange = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "demo-workstation",
            ["code"] = query["code"].ToString(),
            ["redirect_uri"] = redirect,
            ["code_verifier"] = verifier,
        }));
        var tokens = JsonNode.Parse(await exchange.Content.ReadAsStringAsync())!;
        Assert.True(exchange.IsSuccessStatusCode, tokens.ToJsonString());
        http.DefaultRequestHeaders.Authorization = new("Bearer", tokens["access_token"]!.GetValue<string>());
        var me = await http.GetFromJsonAsync<JsonObject>("/connect/userinfo");
        Assert.Equal("radiologist", me!["name"]!.GetValue<string>());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/dicomweb/workitems?limit=1")).StatusCode);
    }

    [Fact]
    public async Task AnAdministratorCreatesAnIntegrationClientAndSeesItsSecretOnce()
    {
        var page = await app.SignedInPageAsync("admin");
        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Integration clients" }).ClickAsync();
        await Assertions.Expect(page.GetByText("demo-ris").First).ToBeVisibleAsync();

        await page.GetByLabel("Client id (e.g. north-ris)").FillAsync("south-pacs");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("South PACS");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create client" }).ClickAsync();

        var secret = await page.GetByTestId("client-secret").InnerTextAsync();
        Assert.True(secret.Length >= 40, secret);
        await BrowserApp.SaveScreenshotAsync(page, "admin-clients");
        var scan = await page.RunAxe();
        Assert.DoesNotContain(scan.Violations, v => v.Impact is "serious" or "critical");
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var token = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "south-pacs",
            ["client_secret"] = secret,
            ["scope"] = "worklist.ingest",
        }));
        Assert.True(token.IsSuccessStatusCode, await token.Content.ReadAsStringAsync());

        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Integration clients" }).ClickAsync();
        await Assertions.Expect(page.GetByText("south-pacs")).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByTestId("client-secret").CountAsync());
    }

    [Fact]
    public async Task TheAdministratorsTabsAndTheAuditTrailWork()
    {
        var page = await app.SignedInPageAsync("admin");
        await page.GotoAsync("/admin");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Users" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "coordinator", Exact = true })).ToBeVisibleAsync();
        await BrowserApp.SaveScreenshotAsync(page, "admin-users");
        var users = await page.RunAxe();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Audit trail" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Signed in", Exact = true }).First).ToBeVisibleAsync();
        await BrowserApp.SaveScreenshotAsync(page, "admin-audit");
        var audit = await page.RunAxe();

        Assert.DoesNotContain(users.Violations, v => v.Impact is "serious" or "critical");
        Assert.DoesNotContain(audit.Violations, v => v.Impact is "serious" or "critical");
    }

    [Fact]
    public async Task PagesRunUnderTheContentSecurityPolicyWithoutViolations()
    {
        var page = await app.SignedInPageAsync("radiologist");
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"{message.Text} at {message.Location}");
            }
        };

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("tr[data-exam]").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Whole network" }).ClickAsync();
        await Assertions.Expect(page.Locator("table tbody tr.mud-table-row").First).ToBeVisibleAsync();
        await page.GotoAsync("/rota");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rota" })).ToBeVisibleAsync();

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>An unattended page signs itself out; this app's idle timeout is six seconds.</summary>
public sealed class IdleSignOutBrowserTests : IAsyncLifetime
{
    private readonly BrowserApp _app =
        new(new WorklistAppFactory(DatabaseProvider.Sqlite, settings: new Dictionary<string,
        string?> { ["Security:IdleTimeoutMinutes"] = "0.1" }));

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task AnUntouchedPageSignsOutAndSaysWhy()
    {
        var page = await _app.SignedInPageAsync("manager");

        await Assertions.Expect(page.GetByText("You were signed out after a period without activity"))
            .ToBeVisibleAsync(new() { Timeout = 30_000 });

        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }
}
