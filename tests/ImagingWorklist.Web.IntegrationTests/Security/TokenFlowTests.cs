using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Web.IntegrationTests.Security;

public sealed class TokenFlowTests(TokenFlowTests.App app) : IClassFixture<TokenFlowTests.App>
{
    [Fact]
    public async Task DiscoveryDescribesTheServerTheFlowsAndTheScopes()
    {
        var json = JsonNode.Parse(await app.CreateClient().GetStringAsync("/.well-known/openid-configuration"))!;

        Assert.EndsWith("/connect/token", json["token_endpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("/connect/authorize", json["authorization_endpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        var grants = json["grant_types_supported"]!.AsArray().Select(g => g!.GetValue<string>()).ToList();
        Assert.Contains("authorization_code", grants);
        Assert.Contains("client_credentials", grants);
        Assert.Contains("refresh_token", grants);
        Assert.DoesNotContain("password", grants);
        Assert.Equal(["S256"], json["code_challenge_methods_supported"]!.AsArray().Select(m => m!.GetValue<string>())
            .Where(m => m == "S256"));
        var scopes = json["scopes_supported"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        Assert.Contains("worklist.ingest", scopes);
        Assert.Contains("worklist.read", scopes);
        Assert.Contains("reports.read", scopes);
    }

    [Fact]
    public async Task AnIntegrationClientGetsATokenAndReadsTheWorklistWithIt()
    {
        var token = await Tokens.ClientCredentialsAsync(app, "worklist.read");

        var response = await Tokens.WithToken(app, token).GetAsync("/dicomweb/workitems?limit=5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Count);
    }

    [Fact]
    public async Task ATokenWithoutTheReadScopeCannotReadTheWorklist()
    {
        var token = await Tokens.ClientCredentialsAsync(app, "worklist.ingest");

        var response = await Tokens.WithToken(app, token).GetAsync("/dicomweb/workitems?limit=5");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AWrongSecretIsRefusedAsAnInvalidClient()
    {
        var response = await Tokens.RequestClientCredentialsAsync(app, "worklist.read", secret: "not-the-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task AScopeTheClientWasNotGivenIsRefused()
    {
        var response = await Tokens.RequestClientCredentialsAsync(app, "worklist.claim");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("invalid_request", error["error"]!.GetValue<string>());
        Assert.Contains("not allowed", error["error_description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGarbledTokenIsUnauthorised()
    {
        var response = await Tokens.WithToken(app, "not.a.token").GetAsync("/dicomweb/workitems");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AWorkstationActsAsTheSignedInReporterAndCanRefreshItsToken()
    {
        var tokens =
            await Tokens.AuthorizationCodeAsync(app, "radiologist", "openid profile roles offline_access worklist.read worklist.claim");
        Assert.NotNull(tokens.RefreshToken);
        Assert.NotNull(tokens.IdToken);

        var asUser = Tokens.WithToken(app, tokens.AccessToken);
        var userInfo = JsonNode.Parse(await asUser.GetStringAsync("/connect/userinfo"))!;
        Assert.Equal("radiologist", userInfo["name"]!.GetValue<string>());
        Assert.Contains("Radiologist", userInfo["role"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await asUser.GetAsync("/dicomweb/workitems?limit=1")).StatusCode);

        var refreshed = await Tokens.ReadAsync(await Tokens.RefreshAsync(app, tokens.RefreshToken!));
        Assert.NotEqual(tokens.AccessToken, refreshed.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await Tokens.WithToken(app, refreshed.AccessToken).GetAsync("/dicomweb/workitems?limit=1"))
            .StatusCode);
    }

    [Fact]
    public async Task ALockedAccountCannotRefreshItsToken()
    {
        var tokens = await Tokens.AuthorizationCodeAsync(app, "radiographer", "openid offline_access worklist.read");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WorklistUser>>();
            var user = (await users.FindByNameAsync("radiographer"))!;
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        }

        try
        {
            var response = await Tokens.RefreshAsync(app, tokens.RefreshToken!);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("invalid_grant", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
        }
        finally
        {
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WorklistUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByNameAsync("radiographer"))!, null);
        }
    }

    [Theory]
    [InlineData("http://127.0.0.1:51004/callback")]
    [InlineData("http://[::1]:61023/callback")]
    public async Task AnyLoopbackPortIsAcceptedForTheWorkstationAsRfc8252Requires(string redirect)
    {
        var tokens = await Tokens.AuthorizationCodeAsync(app, "radiologist", "openid worklist.read", redirect);

        Assert.False(string.IsNullOrEmpty(tokens.AccessToken));
    }

    [Theory]
    [InlineData("http://127.0.0.1:51004/elsewhere")]
    [InlineData("http://localhost:51004/callback")]
    [InlineData("https://attacker.example/callback")]
    public async Task AnyOtherRedirectIsRefusedWithoutRedirecting(string redirect)
    {
        var browser = await SignIn.AsAsync(app, "radiologist", followRedirects: false);

        var response = await browser.GetAsync(Tokens.AuthorizeUrl("openid", redirect, Tokens.Challenge("v".PadRight(43, 'v')), "s"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task TheWorkstationMustUsePkce()
    {
        var browser = await SignIn.AsAsync(app, "radiologist", followRedirects: false);
        var url = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = Tokens.Workstation,
            ["response_type"] = "code",
            ["redirect_uri"] = Tokens.Redirect,
            ["scope"] = "openid",
        });

        var response = await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("code_challenge", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAuthorizationRequestFromSomeoneNotSignedInGoesToTheSignInPageAndComesBack()
    {
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var verifier = Tokens.Base64Url(new byte[32]);

        var response = await anonymous.GetAsync(Tokens.AuthorizeUrl("openid", Tokens.Redirect, Tokens.Challenge(verifier), "s"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Contains("/account/login", location, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString("/connect/authorize?"), location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClientCredentialsTokenCannotClaimWork()
    {
        var token = await Tokens.ClientCredentialsAsync(app, "worklist.read worklist.ingest");
        var client = Tokens.WithToken(app, token);
        var body =
            new StringContent("""{"00741000":{"vr":"CS","Value":["IN PROGRESS"]},"00081195":{"vr":"UI","Value":["2.25.1"]}}""",
            Encoding.UTF8);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/dicom+json");

        var response = await client.PutAsync("/dicomweb/workitems/2.25.1/state", body);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task IssuingATokenIsAudited()
    {
        await Tokens.ClientCredentialsAsync(app, "worklist.read");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorklistDbContext>();
        Assert.Contains(db.AuditEvents, a => a.Actor == Tokens.Ris && a.Action == Domain.Audit.AuditAction.SignedIn);
    }

    public sealed class App() : WorklistAppFactory(DatabaseProvider.Sqlite);
}
