using System.Net;

namespace ImagingWorklist.Web.IntegrationTests.Hosting;

public sealed class HubTests(HostingTests.SeededApp app) : IClassFixture<HostingTests.SeededApp>
{
    [Fact]
    public async Task TheWorklistHubRefusesAnonymousClients()
    {
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).PostAsync("/hubs/worklist/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ASignedInClientMayNegotiateWithTheWorklistHub()
    {
        var client = await SignIn.AsAsync(app, "radiologist");

        var response = await client.PostAsync("/hubs/worklist/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("connectionToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
