using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using ImagingWorklist.Web.Interop.DicomWeb;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Web.IntegrationTests.Interop.DicomWeb;

/// <summary>The UPS-RS WebSocket event channel: subscribe, connect, and hear state changes made by others.</summary>
public sealed class UpsEventTests(UpsEventTests.App app) : IClassFixture<UpsEventTests.App>
{
    [Fact]
    public async Task AGlobalSubscriberHearsAClaimByAnotherReporterAsAStateReport()
    {
        var token = (await Tokens.AuthorizationCodeAsync(app, "radiologist2", "openid worklist.read")).AccessToken;
        var subscriber = Tokens.WithToken(app, token);
        var subscribe = await subscriber.PostAsync($"/dicomweb/workitems/{UpsEvents.GlobalUid}/subscribers/WS2", null);
        Assert.Equal(HttpStatusCode.Created, subscribe.StatusCode);
        using var socket = await ConnectAsync("WS2", token);

        var examId = await DemoPeople.SharedExamAsync(app.Services, "radiologist", "radiologist2");
        var claimer = await SignIn.AsAsync(app, "radiologist");
        var claim = await claimer.PutAsync($"/dicomweb/workitems/{DicomJson.UidOf(examId)}/state", State("IN PROGRESS", "2.25.77"));
        Assert.Equal(HttpStatusCode.OK, claim.StatusCode);

        var report = await ReceiveForAsync(socket, examId);
        Assert.Equal(1, report["00001002"]!["Value"]![0]!.GetValue<int>());
        Assert.Equal("IN PROGRESS", report["00741000"]!["Value"]![0]!.GetValue<string>());
        Assert.Null(report["00081195"]);
        Assert.Null(report["00100020"]);
    }

    [Fact]
    public async Task SubscribingNeedsAValidAeTitleAndAWorkitemTheCallerMaySee()
    {
        var client = await SignIn.AsAsync(app, "radiologist", followRedirects: false);

        var badTitle = await client.PostAsync($"/dicomweb/workitems/{UpsEvents.GlobalUid}/subscribers/{new string('A', 17)}", null);
        var unknown = await client.PostAsync($"/dicomweb/workitems/{DicomJson.UidOf(Guid.NewGuid())}/subscribers/WS1", null);
        var notAUid = await client.PostAsync("/dicomweb/workitems/1.2.3/subscribers/WS1", null);
        var notASocket = await client.GetAsync("/dicomweb/subscribers/WS1");
        var nothingToEnd = await client.DeleteAsync($"/dicomweb/workitems/{UpsEvents.GlobalUid}/subscribers/NEVER");

        Assert.Equal(HttpStatusCode.BadRequest, badTitle.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notAUid.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notASocket.StatusCode);
        Assert.Contains("WebSocket", await notASocket.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, nothingToEnd.StatusCode);
    }

    [Fact]
    public async Task ASuspendedOrEndedSubscriptionIsStoredAsSuch()
    {
        var client = await SignIn.AsAsync(app, "manager", followRedirects: false);
        await client.PostAsync($"/dicomweb/workitems/{UpsEvents.GlobalUid}/subscribers/MGR", null);

        var suspend = await client.PostAsync($"/dicomweb/workitems/{UpsEvents.GlobalUid}/subscribers/MGR/suspend", null);
        await using (var db = app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContext())
        {
            Assert.True((await db.UpsSubscriptions.SingleAsync(s => s.AeTitle == "MGR")).Suspended);
        }

        var end = await client.DeleteAsync($"/dicomweb/workitems/{UpsEvents.GlobalUid}/subscribers/MGR");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (suspend.StatusCode, end.StatusCode));
        await using var after = app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContext();
        Assert.False(await after.UpsSubscriptions.AnyAsync(s => s.AeTitle == "MGR"));
    }

    [Fact]
    public async Task ASubscriberHearsNothingFromTrustsItMayNotSee()
    {
        var token = (await Tokens.AuthorizationCodeAsync(app, "radiographer", "openid worklist.read")).AccessToken;
        await Tokens.WithToken(app, token).PostAsync($"/dicomweb/workitems/{UpsEvents.GlobalUid}/subscribers/RAD", null);
        using var socket = await ConnectAsync("RAD", token);
        var outside = await DemoPeople.ExamOutsideCredentialsOfAsync(app.Services, "radiographer");
        var held = await app.Services.GetRequiredService<Application.Claiming.ClaimService>()
            .HoldAsync(outside, "Awaiting priors", new Actor("manager"));
        Assert.True(held.Succeeded, held.Reason);

        using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var buffer = new byte[4096];
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await socket.ReceiveAsync(buffer, quiet.Token));
    }

    private async Task<WebSocket> ConnectAsync(string aeTitle, string token)
    {
        var client = app.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers.Authorization = $"Bearer {token}";
        return await client.ConnectAsync(new Uri(app.Server.BaseAddress, $"dicomweb/subscribers/{aeTitle}").ToWs(), CancellationToken.None);
    }

    private static async Task<JsonNode> ReceiveForAsync(WebSocket socket, Guid examId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, timeout.Token);
            var report = JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, received.Count))!;
            if (report["00001000"]!["Value"]![0]!.GetValue<string>() == DicomJson.UidOf(examId))
            {
                return report;
            }
        }
    }

    private static StringContent State(string state, string transaction)
    {
        var body = new JsonArray(new JsonObject
        {
            ["00741000"] = new JsonObject { ["vr"] = "CS", ["Value"] = new JsonArray(state) },
            ["00081195"] = new JsonObject { ["vr"] = "UI", ["Value"] = new JsonArray(transaction) },
        });
        var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/dicom+json");
        return content;
    }

    public sealed class App() : WorklistAppFactory(DatabaseProvider.Sqlite);
}

internal static class UriExtensions
{
    public static Uri ToWs(this Uri uri) => new UriBuilder(uri) { Scheme = uri.Scheme == "https" ? "wss" : "ws" }.Uri;
}
