using System.Net;
using System.Text;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using ImagingWorklist.Web.Interop.Hl7v2;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Web.IntegrationTests.Operations;

/// <summary>The Prometheus scrape endpoint: the product's own metrics, for the allowed networks only, with no patient in them.</summary>
public sealed class MetricsEndpointTests(MetricsEndpointTests.App app) : IClassFixture<MetricsEndpointTests.App>
{
    [Fact]
    public async Task AScraperOnAnAllowedNetworkReadsTheProductsMetricsAndNoPatient()
    {
        var examId = await DemoPeople.ClaimAndSignAsync(app.Services, "radiologist", text: null, skip: 3);
        var ingester = Tokens.WithToken(app, await Tokens.ClientCredentialsAsync(app, "worklist.ingest"));
        var order = Interop.Hl7v2.Hl7IngestEndpointTests.Message("MX1", "RZ100900077");
        Assert.Contains("MSA|AA|MX1|",
            await (await ingester.PostAsync(Hl7Endpoints.Path, new StringContent(order, Encoding.UTF8, Hl7Endpoints.MediaType)))
            .Content.ReadAsStringAsync(),
            StringComparison.Ordinal);

        var token = await Tokens.ClientCredentialsAsync(app, "worklist.read");
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "hubs/worklist"), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        await hub.StartAsync();

        var response = await app.CreateClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("worklist_claims_total{", text, StringComparison.Ordinal);
        Assert.Contains("outcome=\"claimed\"", text, StringComparison.Ordinal);
        Assert.Contains("worklist_ingest_messages_total{", text, StringComparison.Ordinal);
        Assert.Contains("code=\"AA\"", text, StringComparison.Ordinal);
        Assert.Contains("worklist_backlog_open{", text, StringComparison.Ordinal);
        Assert.Contains("class=\"Routine\"", text, StringComparison.Ordinal);
        foreach (var gauge in new[] { "worklist_backlog_past_due", "worklist_backlog_oldest_wait_seconds", "worklist_outbox_depth",
            "worklist_findings_unacknowledged",
            "worklist_follow_ups_overdue", "worklist_circuits", "http_server_request_duration_seconds", "dotnet_gc_collections_total",
            "worklist_engine_events_total{", "kind=\"exam\"", "worklist_engine_rebuild_duration_seconds_count",
                "signalr_server_active_connections" })
        {
            Assert.Contains(gauge, text, StringComparison.Ordinal);
        }

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContextAsync();
        var exam = await db.Exams.AsNoTracking().SingleAsync(e => e.Id == examId);
        Assert.DoesNotContain(exam.Accession.Value, text, StringComparison.Ordinal);
        Assert.DoesNotContain(exam.Patient.FamilyName, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("9434765919", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AScraperFromAnyOtherNetworkIsRefusedWithTheReason()
    {
        await using var other = new FromNetwork("10.9.8.7");

        var response = await other.CreateClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Telemetry:MetricsAllowedNetworks", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The app on loopback, as a scraper beside it would call it.</summary>
    public sealed class App() : FromNetwork("127.0.0.1");

    /// <summary>The app with every request arriving from one address, as a scraper on that network would.</summary>
    public class FromNetwork(string address) : WorklistAppFactory(DatabaseProvider.Sqlite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new FromAddress(IPAddress.Parse(address))));
        }

        private sealed class FromAddress(IPAddress address) : IStartupFilter
        {
            public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(
                Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => builder =>
            {
                builder.Use(following => context =>
                {
                    context.Connection.RemoteIpAddress = address;
                    return following(context);
                });
                next(builder);
            };
        }
    }
}
