using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ImagingWorklist.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace ImagingWorklist.Web.IntegrationTests;

internal sealed record TokenSet(string AccessToken, string? RefreshToken, string? IdToken);

/// <summary>Gets real tokens from the app's OpenID Connect server, the way an integration or a workstation would.</summary>
internal static class Tokens
{
    public const string Ris = "demo-ris";
    public const string Workstation = "demo-workstation";
    public const string Redirect = "http://127.0.0.1:49152/callback";

    public static async Task<HttpResponseMessage> RequestClientCredentialsAsync(WorklistAppFactory app, string scope,
        string clientId = Ris, string secret = WorklistAppFactory.RisSecret) =>
        await app.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = scope,
        }));

    public static async Task<string> ClientCredentialsAsync(WorklistAppFactory app, string scope, string clientId = Ris,
        string secret = WorklistAppFactory.RisSecret)
    {
        var response = await RequestClientCredentialsAsync(app, scope, clientId, secret);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["access_token"]!.GetValue<string>();
    }

    /// <summary>Authorization code + PKCE as the signed-in user, with the redirect caught rather than followed.</summary>
    public static async Task<TokenSet> AuthorizationCodeAsync(WorklistAppFactory app, string userName, string scope,
        string redirect = Redirect)
    {
        var browser = await SignIn.AsAsync(app, userName, followRedirects: false);
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var authorize = await browser.GetAsync(AuthorizeUrl(scope, redirect, Challenge(verifier), state: "s-123"));
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var location = authorize.Headers.Location!;
        Assert.StartsWith(redirect, location.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("s-123", query["state"].ToString());
        return await RedeemAsync(app, query["code"].ToString(), verifier, redirect);
    }

    public static string AuthorizeUrl(string scope, string redirect, string challenge, string state) =>
        QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = Workstation,
            ["response_type"] = "code",
            ["redirect_uri"] = redirect,
            ["scope"] = scope,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
            ["state"] = state,
        });

    public static async Task<TokenSet> RedeemAsync(WorklistAppFactory app, string code, string verifier, string redirect)
    {
        var response = await app.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = Workstation,
            ["code"] = code,
            ["redirect_uri"] = redirect,
            ["code_verifier"] = verifier,
        }));
        return await ReadAsync(response);
    }

    public static async Task<HttpResponseMessage> RefreshAsync(WorklistAppFactory app, string refreshToken) =>
        await app.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = Workstation,
            ["refresh_token"] = refreshToken,
        }));

    public static async Task<TokenSet> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var json = JsonNode.Parse(body)!;
        return new TokenSet(json["access_token"]!.GetValue<string>(), json["refresh_token"]?.GetValue<string>(),
            json["id_token"]?.GetValue<string>());
    }

    public static HttpClient WithToken(WorklistAppFactory app, string accessToken)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public static string Challenge(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
