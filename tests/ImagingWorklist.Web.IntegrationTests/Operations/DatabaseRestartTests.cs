using System.Net;
using System.Net.Sockets;
using System.Text;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Claiming;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using ImagingWorklist.Web.Interop.Hl7v2;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Web.IntegrationTests.Operations;

/// <summary>
/// PostgreSQL restarted under a running instance: while it is down, readiness says so and no message is acknowledged;
/// when it is back the app carries on by itself, with every acknowledged message and every claim kept.
/// </summary>
public sealed class DatabaseRestartTests
{
    [Fact]
    public async Task TheAppRecoversOnItsOwnAfterTheDatabaseRestartsAndLosesNothingAcknowledged()
    {
        await using var server = await ThrowawayPostgres.StartAsync();
        await server.CreateDatabaseAsync("imagingworklist");
        await using var app =
            new WorklistAppFactory(DatabaseProvider.Postgres, server.ConnectionString("imagingworklist")
            .Replace("Pooling=false", "Pooling=true", StringComparison.Ordinal));
        var probe = app.CreateClient();
        var held = await DemoPeople.ClaimAndSignAsync(app.Services, "radiologist", text: null);
        var rival = await DemoPeople.ReporterOfAsync(app.Services, "radiologist2");
        var sender = Tokens.WithToken(app, await Tokens.ClientCredentialsAsync(app, "worklist.ingest"));
        Assert.Contains("MSA|AA|PGR1|", await SendAsync(sender, "PGR1", "RZ1RESTART01"), StringComparison.Ordinal);

        await server.StopAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await probe.GetAsync("/health/ready")).StatusCode);
        var during = await sender.PostAsync(Hl7Endpoints.Path, Body("PGR2", "RZ1RESTART02"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.NotNull(during.Headers.RetryAfter);
        Assert.Contains("cannot reach its database", await during.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var overMllp = await MllpAsync(app, "PGR3", "RZ1RESTART03");
        Assert.Contains("MSA|AE|PGR3|", overMllp, StringComparison.Ordinal);
        Assert.Contains("cannot reach its database", overMllp, StringComparison.Ordinal);

        await server.StartAgainAsync();

        var until = DateTime.UtcNow.AddSeconds(30);
        while ((await probe.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < until, "/health/ready did not recover within 30 seconds of the database's return");
            await Task.Delay(250);
        }

        Assert.Contains("MSA|AA|PGR2|", await SendAsync(sender, "PGR2", "RZ1RESTART02"), StringComparison.Ordinal);
        Assert.Contains("MSA|AA|PGR3|", await MllpAsync(app, "PGR3", "RZ1RESTART03"), StringComparison.Ordinal);
        var claim = await app.Services.GetRequiredService<ClaimService>().ClaimAsync(held, rival, new Actor("radiologist2", rival));
        Assert.False(claim.Succeeded, "the claim made before the restart is still its holder's");
        await DemoPeople.ClaimAndSignAsync(app.Services, "radiologist2", "Signed after the restart.");
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContextAsync();
        var messages = await db.InboundMessages.Where(m => m.ControlId != null && m.ControlId.StartsWith("PGR")).ToListAsync();
        Assert.Equal(3, messages.Count);
        Assert.All(messages,
            m => Assert.True(m.ExamId is not null && m.AckCode == "AA",
            $"{m.ControlId} was acknowledged, so its order is on the worklist"));
    }

    private static async Task<string> SendAsync(HttpClient sender, string controlId, string accession) =>
        await (await sender.PostAsync(Hl7Endpoints.Path, Body(controlId, accession))).Content.ReadAsStringAsync();

    private static async Task<string> MllpAsync(WorklistAppFactory app, string controlId, string accession)
    {
        var endpoint = (await app.Services.GetRequiredService<MllpListener>().Bound)!;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, endpoint.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Mllp.Frame(Interop.Hl7v2.Hl7IngestEndpointTests.Message(controlId, accession)));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await Mllp.ReadFrameAsync(stream, timeout.Token) ?? string.Empty;
    }

    private static StringContent Body(string controlId, string accession) =>
        new(Interop.Hl7v2.Hl7IngestEndpointTests.Message(controlId, accession), Encoding.UTF8, Hl7Endpoints.MediaType);
}
