using System.Diagnostics;
using System.Text.Json;
using ImagingWorklist.Application.Ingest;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.E2E;

/// <summary>
/// The real Prometheus (the Debian package the test command installs) scrapes the running app with the repository's
/// alert rules loaded; after a claim and an HL7 order, its HTTP API returns the product's metrics, and every metric the
/// Grafana dashboard draws exists.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PrometheusScrapeTests(BrowserApp app)
{
    private const string PrometheusPath = "/usr/bin/prometheus";

    [Fact]
    public async Task PrometheusScrapesTheProductMetricsAndLoadsTheAlertRules()
    {
        Assert.True(File.Exists(PrometheusPath), $"{PrometheusPath} is missing: the test command installs the Debian package prometheus.");
        await DemoPeople.ClaimAndSignAsync(app.Services, "radiologist2", text: null, skip: 5);

        // An open page holds a SignalR connection, which the dashboard's connections panel draws.
        var page = await app.SignedInPageAsync("radiologist2");
        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var ack = await app.Services.GetRequiredService<Hl7Ingest>().ReceiveAsync(
            $"MSH|^~\\&|RIS|RZ1|IW|NET|" +
                $"{stamp}||ORM^O01|PROM1|P|2.4\rPID|1||9434765919^^^NHS^NH~P1^^^RZ1^MR||Scrape^Sam||19800101|F\rPV1|1|O|^^^RZ101\r" +
            "ORC|NW|P1|F1||SC\rOBR|1|P1|F1|XCHES^XR Chest|R||||||||Cough|||||RZ1PROM0001\r", "HTTP", "test", AccessScope.WholeNetwork);
        Assert.Equal("AA", ack.Code);

        var root = BrowserApp.RepositoryRoot();
        var work = Directory.CreateTempSubdirectory("iw-prometheus-");
        var port = BrowserApp.FreePort();
        await File.WriteAllTextAsync(Path.Combine(work.FullName, "prometheus.yml"), $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            rule_files:
              - {Path.Combine(root, "deploy", "prometheus", "alerts.yml")}
            scrape_configs:
              - job_name: imagingworklist
                metrics_path: /metrics
                static_configs:
                  - targets: ["{app.BaseAddress.Authority}"]
            """);
        using var prometheus = Process.Start(new ProcessStartInfo(PrometheusPath,
            [$"--config.file={Path.Combine(work.FullName, "prometheus.yml")}", $"--storage.tsdb.path={Path.Combine(work.FullName, "data")}",
                $"--web.listen-address=127.0.0.1:{port}"])
        { RedirectStandardError = true, RedirectStandardOutput = true })!;
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var claims = await QueryUntilAsync(client, "worklist_claims_total{outcome=\"claimed\"}");
            var orders = await QueryUntilAsync(client, "worklist_ingest_messages_total{code=\"AA\"}");
            var pool = await QueryUntilAsync(client, "worklist_backlog_open");
            Assert.True(claims.GetArrayLength() >= 1 && orders.GetArrayLength() >= 1);
            Assert.Contains(pool.EnumerateArray(), r => r.GetProperty("metric").GetProperty("class").GetString() == "Emergency");
            var up = await QueryUntilAsync(client, "up{job=\"imagingworklist\"}");
            Assert.Equal("1", up[0].GetProperty("value")[1].GetString());

            var rules = JsonDocument.Parse(await client.GetStringAsync("/api/v1/rules")).RootElement.GetProperty("data")
                .GetProperty("groups");
            Assert.Equal(7, rules.EnumerateArray().SelectMany(g => g.GetProperty("rules").EnumerateArray()).Count());

            // Every metric the Grafana dashboard draws is one Prometheus has.
            var dashboard =
                JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(root, "deploy", "grafana", "imagingworklist-dashboard.json")))
                .RootElement;
            foreach (var expr in dashboard.GetProperty("panels").EnumerateArray()
                .Select(p => p.GetProperty("targets")[0].GetProperty("expr").GetString()!))
            {
                await QueryUntilAsync(client, System.Text.RegularExpressions.Regex.Match(expr, @"(worklist|http|signalr)_[a-z_]+").Value);
            }
        }
        finally
        {
            prometheus.Kill(entireProcessTree: true);
            await prometheus.WaitForExitAsync();
            work.Delete(recursive: true);
            await page.CloseAsync();
        }
    }

    /// <summary>Asks Prometheus until the query has a result (it scrapes every second), for at most 30 seconds.</summary>
    private static async Task<JsonElement> QueryUntilAsync(HttpClient client, string query)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                var body = await client.GetStringAsync($"/api/v1/query?query={Uri.EscapeDataString(query)}");
                var result = JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("result");
                if (result.GetArrayLength() > 0)
                {
                    return result.Clone();
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < until)
            {
                // Prometheus is still starting.
            }

            Assert.True(DateTime.UtcNow < until, $"Prometheus returned nothing for {query} within 30 seconds.");
            await Task.Delay(500);
        }
    }
}
