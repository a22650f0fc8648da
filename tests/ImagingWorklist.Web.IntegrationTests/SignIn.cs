using System.Net;
using System.Text.RegularExpressions;
using ImagingWorklist.Testing;

namespace ImagingWorklist.Web.IntegrationTests;

/// <summary>Signs a test client in through the real sign-in form, antiforgery token and all.</summary>
internal static partial class SignIn
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var address = returnUrl is null ? "/account/login" : $"/account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var form = await client.GetStringAsync(address);
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        return await client.PostAsync(address, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
    }

    public static async Task<HttpClient> AsAsync(WorklistAppFactory app, string userName, bool followRedirects = true)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = followRedirects });
        var response = await PostAsync(client, userName, WorklistAppFactory.DemoPassword);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            response.EnsureSuccessStatusCode();
        }

        return client;
    }

    /// <summary>Signs in through the real form from a client that keeps no cookies, and returns the cookies the sign-in set
    /// (antiforgery and the sign-in cookie) as one Cookie header, to be sent by any number of fresh clients.</summary>
    public static async Task<string> CookiesAsync(WorklistAppFactory app, string userName)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var form = await client.GetAsync("/account/login");
        var antiforgery = Cookies(form);
        var token = AntiforgeryToken().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
                ["Input.UserName"] = userName,
                ["Input.Password"] = WorklistAppFactory.DemoPassword,
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        using var response = await client.SendAsync(post);
        var signedIn = Cookies(response);
        if (response.StatusCode != HttpStatusCode.Redirect || !signedIn.Contains("ImagingWorklist.Auth", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Signing in as {userName} answered {(int)response.StatusCode} without a sign-in cookie.");
        }

        return $"{antiforgery}; {signedIn}";
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';', 2)[0]) : []);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
