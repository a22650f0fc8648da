using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ImagingWorklist.Application.Ingest;
using ImagingWorklist.Application.Reporting;
using ImagingWorklist.Domain.Interop;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using ImagingWorklist.Web.Interop.Hl7v2;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Web.IntegrationTests.Interop.Hl7v2;

/// <summary>
/// A signed report travels from the outbox to the trust over a real loopback socket: MLLP to a RIS that refuses the first
/// attempt and accepts the next, and FHIR over HTTP to a receiver that is down and then up. Both end delivered, with the
/// failure on record; the FHIR read serves the same report to a reports.read token.
/// </summary>
public sealed class ReportDeliveryTests : IAsyncLifetime
{
    private static readonly string[] Trusts = ["RZ1", "RZ2", "RZ3", "RZ4", "RZ5", "RZ6"];
    private readonly TcpListener _ris = new(IPAddress.Loopback, 0);
    private readonly List<string> _received = [];
    private readonly CancellationTokenSource _stop = new();
    private WorklistAppFactory _app = null!;
    private Task _serving = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _ris.Start();
        var port = ((IPEndPoint)_ris.LocalEndpoint).Port;
        var settings = new Dictionary<string, string?>
        {
            ["Delivery:PollInterval"] = "00:00:00.200",
            ["Delivery:InitialRetry"] = "00:00:00.300",
        };
        foreach (var trust in Trusts)
        {
            settings[$"Delivery:Endpoints:{trust}:Transport"] = "Mllp";
            settings[$"Delivery:Endpoints:{trust}:Address"] = $"127.0.0.1:{port}";
        }

        _app = new WorklistAppFactory(settings: settings);
        _ = _app.Server;
        _serving = ServeAsync();
        await Task.CompletedTask;
    }

    [Fact]
    public async Task ARefusedReportIsRetriedUntilTheRisAcceptsItAndTheExamShowsItDelivered()
    {
        var (examId, outboxId) = await SignAReportAsync();

        var row = await WaitForAsync(outboxId, r => r.Status == DeliveryStatus.Delivered);

        Assert.Equal(2, row.Attempts);
        Assert.Contains("MSA|AA", row.Response, StringComparison.Ordinal);
        Assert.True(_received.Count >= 2);
        var oru = Hl7Message.Parse(_received[^1]).ValueOrThrow();
        Assert.Equal(("ORU^R01", "F"), (oru.MessageType, oru.Value("OBR", 25)));
        Assert.Equal("Delivered for the test.", oru.Value("OBX", 5));
        var delivery = Assert.Single((await _app.Services.GetRequiredService<ReportingQuery>().LoadAsync(examId)).Deliveries);
        Assert.Equal((DeliveryStatus.Delivered, 2), (delivery.Status, delivery.Attempts));
        await using var db = await Contexts().CreateDbContextAsync();
        var audit = await db.AuditEvents.Where(a => a.ExamId == examId).Select(a => new { a.Action, a.Reason }).ToListAsync();
        Assert.Contains(audit, a => a.Action == Domain.Audit.AuditAction.ReportDeliveryFailed
            && a.Reason!.Contains("Unknown patient", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Action == Domain.Audit.AuditAction.ReportDelivered);

        // The referrer's system can read the final report as a FHIR DiagnosticReport.
        var client = Tokens.WithToken(_app, await Tokens.ClientCredentialsAsync(_app, "reports.read"));
        var reportId = await db.OutboundReports.Where(o => o.Id == outboxId).Select(o => o.ReportId).SingleAsync();
        using var read = await client.GetAsync(new Uri($"/fhir/DiagnosticReport/{reportId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var json = JsonDocument.Parse(await read.Content.ReadAsStringAsync());
        Assert.Equal(("DiagnosticReport", "final", "Delivered for the test."),
            (json.RootElement.GetProperty("resourceType").GetString(), json.RootElement.GetProperty("status").GetString(),
            json.RootElement.GetProperty("conclusion").GetString()));
        using var search = await client.GetAsync(new Uri("/fhir/DiagnosticReport?status=final&_count=5", UriKind.Relative));
        Assert.Contains(reportId.ToString(), await search.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var bad = await client.GetAsync(new Uri("/fhir/DiagnosticReport?status=draft", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("preliminary, final, appended", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A consultant claims an exam, writes and signs; returns the exam and its outbox row.</summary>
    private async Task<(Guid ExamId, Guid OutboxId)> SignAReportAsync()
    {
        var examId = await DemoPeople.ClaimAndSignAsync(_app.Services, "radiologist", "Delivered for the test.");
        await using var db = await Contexts().CreateDbContextAsync();
        return (examId, await db.OutboundReports.Where(o => o.ExamId == examId).Select(o => o.Id).SingleAsync());
    }

    private async Task<OutboundReport> WaitForAsync(Guid id, Func<OutboundReport, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = await Contexts().CreateDbContextAsync();
            var row = await db.OutboundReports.AsNoTracking().SingleAsync(o => o.Id == id);
            if (done(row) || DateTime.UtcNow > deadline)
            {
                Assert.True(done(row), $"Outbox row still {row.Status} after {row.Attempts} attempts: {row.LastError}");
                return row;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The trust's RIS: answers the first message AE (unknown patient), every later one AA.</summary>
    private async Task ServeAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _ris.AcceptTcpClientAsync(_stop.Token);
                await using var stream = client.GetStream();
                var message = await Mllp.ReadFrameAsync(stream, _stop.Token);
                if (message is null)
                {
                    continue;
                }

                _received.Add(message);
                var parsed = Hl7Message.Parse(message).ValueOrThrow();
                var refuse = _received.Count == 1;
                var ack =
                    Hl7Ack.Build(parsed, refuse ? Hl7Ack.Error : Hl7Ack.Accept, refuse ? "Unknown patient" : "Filed", [],
                    DateTimeOffset.UtcNow, "RIS" + _received.Count);
                await stream.WriteAsync(Mllp.Frame(ack), _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private IDbContextFactory<WorklistDbContext> Contexts() => _app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>();

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        _ris.Stop();
        await _serving;
        await _app.DisposeAsync();
        _stop.Dispose();
    }
}
