using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Research;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Research;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using ImagingWorklist.Web.Features.Research;
using ImagingWorklist.Web.IntegrationTests.Interop.Fhir;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace ImagingWorklist.Web.IntegrationTests.Research;

/// <summary>
/// The FHIR Bulk Data client flow on an approved request of the demo network: a client-credentials token limited to the
/// request, kick-off, polling, the manifest, NDJSON parsed by the Firely SDK; and every refusal on the way.
/// </summary>
public sealed partial class BulkDataTests(BulkDataTests.App app) : IClassFixture<BulkDataTests.App>
{
    [Fact]
    public async Task AClientKicksOffPollsAndDownloadsNdjsonThatTheFirelySdkParses()
    {
        var (request, token) = await ApprovedWithTokenAsync("Bulk flow");
        var client = Tokens.WithToken(app, token);

        var kickOff = await client.SendAsync(KickOff($"/fhir/Group/{request:N}/$export"));
        Assert.Equal(HttpStatusCode.Accepted, kickOff.StatusCode);
        var status = kickOff.Content.Headers.ContentLocation ?? kickOff.Headers.Location ??
            new Uri(kickOff.Headers.GetValues("Content-Location").Single());

        var manifest = await PollAsync(client, status);
        Assert.True(manifest["requiresAccessToken"]!.GetValue<bool>());
        var output = manifest["output"]!.AsArray();
        Assert.Equal(["Patient", "ImagingStudy", "DiagnosticReport"], output.Select(o => o!["type"]!.GetValue<string>()));

        var patients = new HashSet<string>();
        foreach (var file in output)
        {
            var response = await client.GetAsync(file!["url"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/fhir+ndjson", response.Content.Headers.ContentType!.MediaType);
            var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(file["count"]!.GetValue<int>(), lines.Length);
            Assert.NotEmpty(lines);
            foreach (var line in lines)
            {
                Assert.DoesNotMatch(TenDigits(), line);
                var resource = JsonSerializer.Deserialize<Resource>(line, FhirJson.Options)!;
                Assert.Equal(file["type"]!.GetValue<string>(), resource.TypeName);
                switch (resource)
                {
                    case Patient patient:
                        patients.Add($"Patient/{patient.Id}");
                        break;
                    case DiagnosticReport report:
                        Assert.Contains(report.Subject!.Reference!, patients);
                        Assert.Equal(DiagnosticReport.DiagnosticReportStatus.Final, report.Status);
                        break;
                }
            }
        }

        Assert.Equal(HttpStatusCode.Accepted, (await client.DeleteAsync(status)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(status)).StatusCode);
    }

    [Fact]
    public async Task EveryBadKickOffIsRefusedWithAnOperationOutcomeNamingWhy()
    {
        var (request, token) = await ApprovedWithTokenAsync("Bulk refusals");
        var client = Tokens.WithToken(app, token);
        var path = $"/fhir/Group/{request:N}/$export";

        await RefusedAsync(client, new HttpRequestMessage(HttpMethod.Get, path), HttpStatusCode.BadRequest, "Prefer: respond-async");
        await RefusedAsync(client, KickOff($"{path}?_since=2026-01-01T00:00:00Z"), HttpStatusCode.BadRequest, "'_since'");
        await RefusedAsync(client, KickOff($"{path}?_type=Observation"), HttpStatusCode.BadRequest, "_type may name");
        await RefusedAsync(client, KickOff($"{path}?_outputFormat=text/csv"), HttpStatusCode.BadRequest, "_outputFormat");
        await RefusedAsync(client, KickOff($"/fhir/Group/{Guid.NewGuid():N}/$export"), HttpStatusCode.NotFound, "issued for");
        await RefusedAsync(client, KickOff("/fhir/Group/%C3%A9t%C3%A9/$export"), HttpStatusCode.NotFound, "No Group");
    }

    [Fact]
    public async Task ATokenForOneRequestCannotReachAnothersExportOrFiles()
    {
        var (first, firstToken) = await ApprovedWithTokenAsync("Bulk first");
        var (_, secondToken) = await ApprovedWithTokenAsync("Bulk second");
        var owner = Tokens.WithToken(app, firstToken);
        var kickOff = await owner.SendAsync(KickOff($"/fhir/Group/{first:N}/$export"));
        var status = new Uri(kickOff.Content.Headers.ContentLocation?.ToString() ?? kickOff.Headers.GetValues("Content-Location").Single());
        var manifest = await PollAsync(owner, status);
        var file = manifest["output"]![0]!["url"]!.GetValue<string>();

        var stranger = Tokens.WithToken(app, secondToken);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.SendAsync(KickOff($"/fhir/Group/{first:N}/$export"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(status)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(file)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync(file)).StatusCode);

        // A worklist token is not a research token, and a research token reads no worklist.
        var ris = Tokens.WithToken(app, await Tokens.ClientCredentialsAsync(app, "reports.read"));
        Assert.Equal(HttpStatusCode.Forbidden, (await ris.GetAsync(status)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync("/fhir/DiagnosticReport")).StatusCode);

        // In the browser, the requester downloads; another person signed in does not.
        var extract = status.Segments[^1];
        var researcher = await SignIn.AsAsync(app, "researcher");
        Assert.Equal(HttpStatusCode.OK, (await researcher.GetAsync($"/research/extracts/{extract}/files/reports.parquet")).StatusCode);
        var manager = await SignIn.AsAsync(app, "manager");
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/research/extracts/{extract}/files/reports.parquet")).StatusCode);
    }

    private static HttpRequestMessage KickOff(string path)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, path);
        message.Headers.Add("Prefer", "respond-async");
        message.Headers.Add("Accept", "application/fhir+json");
        return message;
    }

    private static async Task RefusedAsync(HttpClient client, HttpRequestMessage message, HttpStatusCode expected, string reason)
    {
        var response = await client.SendAsync(message);
        Assert.Equal(expected, response.StatusCode);
        var outcome = Assert.IsType<OperationOutcome>(await FhirJson.ParseAsync(response));
        Assert.Contains(reason, outcome.Issue[0].Diagnostics, StringComparison.Ordinal);
    }

    private static async Task<JsonNode> PollAsync(HttpClient client, Uri status)
    {
        for (var attempt = 0; attempt < 240; attempt++)
        {
            var response = await client.GetAsync(status);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            }

            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.True(response.Headers.Contains("X-Progress"));
            await Task.Delay(250);
        }

        throw new TimeoutException("The export did not finish within a minute.");
    }

    private async Task<(Guid Request, string Token)> ApprovedWithTokenAsync(string title)
    {
        var requests = app.Services.GetRequiredService<DataAccessRequests>();
        var today = UkCalendar.DayOf(app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var trusts = (await requests.TrustChoicesAsync()).Select(t => t.Code).ToList();
        var draft = new DataAccessDraft(title, "Bulk Data test", "IRAS 1", new ResearchCohort
        {
            TrustCodes = trusts, From = today.AddYears(-1), To = today,
        }, ExtractFields.All, today.AddMonths(6));
        var researcher = new Actor("researcher");
        var id = (await requests.DraftAsync(draft, researcher)).ValueOrThrow();
        Assert.True((await requests.SubmitAsync(id, researcher)).Succeeded);
        Assert.True((await requests.DecideAsync(id, true, null, new ResearchCaller(new Actor("guardian"), true))).Succeeded);
        await using var scope = app.Services.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<ResearchClients>().IssueAsync(id, new ResearchCaller(researcher,
            false));
        var (clientId, secret) = issued.ValueOrThrow();
        return (id, await Tokens.ClientCredentialsAsync(app, $"research.{id:N}", clientId, secret));
    }

    [GeneratedRegex(@"(?<!\d)\d{10}(?!\d)")]
    private static partial Regex TenDigits();

    public sealed class App() : WorklistAppFactory(DatabaseProvider.Sqlite);
}
