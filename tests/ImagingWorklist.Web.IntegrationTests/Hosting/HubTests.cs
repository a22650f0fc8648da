using System.Net;
using System.Text.Json;
using ImagingWorklist.Application.Claiming;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Web.IntegrationTests.Hosting;

public sealed class HubTests(HostingTests.SeededApp app) : IClassFixture<HostingTests.SeededApp>
{
    [Fact]
    public async Task TheWorklistHubRefusesAnonymousClients()
    {
        var response = await app.CreateClient(new() { AllowAutoRedirect = false })
            .PostAsync("/hubs/worklist/negotiate?negotiateVersion=1", null);

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

    [Fact]
    public async Task AHubClientHearsEachChangeWithItsKindByName()
    {
        var token = await Tokens.ClientCredentialsAsync(app, "worklist.read");
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "hubs/worklist"), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        var heard = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var exam = await DemoPeople.SharedExamAsync(app.Services, "radiologist2", "radiologist2", skip: 7);
        connection.On<JsonElement>("WorklistChanged", change =>
        {
            if (change.GetProperty("examId").GetString() == exam.ToString() && change.GetProperty("kind").GetString() == "ExamClaimed")
            {
                heard.TrySetResult(change);
            }
        });
        await connection.StartAsync();

        var reporter = await DemoPeople.ReporterOfAsync(app.Services, "radiologist2");
        Assert.True((await app.Services.GetRequiredService<ClaimService>().ClaimAsync(exam, reporter, new Actor("radiologist2", reporter)))
            .Succeeded);
        var change = await heard.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(JsonValueKind.Number, change.GetProperty("version").ValueKind);
        Assert.True(change.TryGetProperty("reporterId", out _));
        Assert.False(change.TryGetProperty("origin", out _));
    }
}
