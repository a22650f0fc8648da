using System.Net;
using ImagingWorklist.Testing;

namespace ImagingWorklist.Web.IntegrationTests.Hosting;

/// <summary>Each person starts their day on their page: reporters on the worklist, managers on the dashboard, coordinators on the
/// rota.</summary>
public sealed class SignInLandingTests(HostingTests.SeededApp app) : IClassFixture<HostingTests.SeededApp>
{
    [Theory]
    [InlineData("radiologist", "/")]
    [InlineData("registrar", "/")]
    [InlineData("manager", "/dashboard")]
    [InlineData("coordinator", "/rota")]
    [InlineData("admin", "/")]
    public async Task EachRoleLandsOnItsOwnPage(string userName, string landing)
    {
        var response =
            await SignIn.PostAsync(app.CreateClient(new() { AllowAutoRedirect = false }), userName, WorklistAppFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(landing, response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task WhereThePersonWasGoingWinsOverTheirLandingPage()
    {
        var response =
            await SignIn.PostAsync(app.CreateClient(new() { AllowAutoRedirect = false }), "manager", WorklistAppFactory.DemoPassword,
            returnUrl: "/activity");

        Assert.Equal("/activity", response.Headers.Location?.AbsolutePath);
    }
}
