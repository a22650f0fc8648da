using System.Net;
using ImagingWorklist.Application.Worklist;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Web.IntegrationTests.Hosting;

public sealed class HostingTests(HostingTests.SeededApp app) : IClassFixture<HostingTests.SeededApp>
{
    [Fact]
    public async Task TheLivenessProbeAnswers()
    {
        var response = await app.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheReadinessProbeChecksTheDatabase()
    {
        var response = await app.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("css/worklist.css", "text/css")]
    [InlineData("favicon.svg", "image/svg+xml")]
    public async Task TheTopLevelWwwrootIsServedAsItIs(string path, string contentType)
    {
        var response = await app.CreateClient().GetAsync("/" + path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "wwwroot", path)),
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MudBlazorsAssetsAreServed()
    {
        var response = await app.CreateClient().GetAsync("/_content/MudBlazor/MudBlazor.min.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AnAnonymousVisitorIsSentToSignIn()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=%2Fdashboard", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task ASignedInUserGetsTheLiveApp()
    {
        var radiologist = await SignIn.AsAsync(app, "radiologist");

        var html = await radiologist.GetStringAsync("/");

        Assert.Contains("lang=\"en-GB\"", html, StringComparison.Ordinal);
        Assert.Contains("_framework/blazor.web", html, StringComparison.Ordinal);
        Assert.Contains("<!--Blazor:{\"type\":\"server\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedWithAMessageAndAudited()
    {
        var client = app.CreateClient();

        var response = await SignIn.PostAsync(client, "coordinator", "not the password");

        Assert.Contains("do not match an account", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.Services
            .GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<ImagingWorklist.Persistence.WorklistDbContext>>()
            .CreateDbContext();
        Assert.Contains(db.AuditEvents, a => a.Action == Domain.Audit.AuditAction.SignInFailed && a.Actor == "coordinator");
    }

    [Theory]
    [InlineData("radiologist", "/admin", false)]
    [InlineData("radiologist", "/dashboard", false)]
    [InlineData("manager", "/dashboard", true)]
    [InlineData("manager", "/admin", false)]
    [InlineData("coordinator", "/rota", true)]
    [InlineData("admin", "/admin", true)]
    public async Task EachRoleOpensOnlyItsPages(string user, string path, bool allowed)
    {
        var client = await SignIn.AsAsync(app, user, followRedirects: false);

        var response = await client.GetAsync(path);

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            Assert.StartsWith("/account/denied", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnUnknownAddressAnswersNotFoundWithAWayBack()
    {
        var client = await SignIn.AsAsync(app, "manager");

        var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDemoNetworkIsSeededIntoAnEmptyDatabase()
    {
        var query = app.Services.GetRequiredService<OpenExamsQuery>();

        var page = await query.PageAsync(new WorklistPageRequest(0, 10), ImagingWorklist.Application.Security.AccessScope.WholeNetwork);

        Assert.Equal(3000, page.TotalCount);
        Assert.Equal(10, page.Rows.Count);
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ImagingWorklist.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("No repository root above " + AppContext.BaseDirectory);
    }

    public sealed class SeededApp() : WorklistAppFactory(DatabaseProvider.Sqlite);
}
