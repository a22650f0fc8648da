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

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
