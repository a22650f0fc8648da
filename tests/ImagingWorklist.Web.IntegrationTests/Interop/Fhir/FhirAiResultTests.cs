using System.Net;
using System.Text;
using Hl7.Fhir.Model;
using ImagingWorklist.Application.Demo;
using ImagingWorklist.Domain.Identifiers;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace ImagingWorklist.Web.IntegrationTests.Interop.Fhir;

/// <summary>
/// AI results in FHIR from the demo's registered algorithm (HeadCT Triage v2, live at RZ1): an Observation, or a
/// DiagnosticReport with its Observations, against a CT head ordered and imaged over FHIR. Answers parsed with the Firely SDK.
/// </summary>
public sealed class FhirAiResultTests(FhirIngestTests.App app) : IClassFixture<FhirIngestTests.App>
{
    [Fact]
    public async Task ALiveObservationRanksTheExamAsAnEmergency()
    {
        var client = await ExamAsync("RZ1AI000001");

        var response = await client.PostAsync("/fhir/Observation",
            Body(Observation("o1", "RZ1AI000001", "ICH", "POS", 0.93, DemoNetworkGenerator.DemoAiApplication)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcome = Assert.IsType<OperationOutcome>(await FhirJson.ParseAsync(response));
        Assert.Contains("now ranked as an emergency", outcome.Issue[0].Diagnostics, StringComparison.Ordinal);
        await using var db = Database();
        var exam = await db.Exams.SingleAsync(e => e.Accession == AccessionNumber.FromTrusted("RZ1AI000001"));
        Assert.Equal("AI (HeadCT Triage v2) flagged suspected intracranial haemorrhage, score 0.93", exam.AiFlag);
        var result = await db.AiResults.SingleAsync(r => r.ExamId == exam.Id);
        Assert.Equal(("FHIR", true, true), (result.Source, result.Positive, result.Live));
    }

    [Fact]
    public async Task ADiagnosticReportBringsEachOfItsObservations()
    {
        var client = await ExamAsync("RZ1AI000002");
        var report = $$"""
            {
              "resourceType": "DiagnosticReport", "id": "r1", "status": "final",
              "code": { "text": "AI triage" },
              "basedOn": [{ "identifier": { "value": "RZ1AI000002" } }],
              "performer": [{ "identifier": { "system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "RZ1" } }],
              "contained": [
                {{Observation("a", "RZ1AI000002", "ICH", "NEG", 0.04, DemoNetworkGenerator.DemoAiApplication)}},
                {{Observation("b", "RZ1AI000002", "MLS", "NEG", 0.11, DemoNetworkGenerator.DemoAiApplication)}}
              ],
              "result": [{ "reference": "#a" }, { "reference": "#b" }]
            }
            """;

        var response = await client.PostAsync("/fhir/DiagnosticReport", Body(report));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcome = Assert.IsType<OperationOutcome>(await FhirJson.ParseAsync(response));
        Assert.Contains("Recorded 2 AI result(s)", outcome.Issue[0].Diagnostics, StringComparison.Ordinal);
        await using var db = Database();
        var exam = await db.Exams.SingleAsync(e => e.Accession == AccessionNumber.FromTrusted("RZ1AI000002"));
        Assert.Null(exam.AiFlag);
        var codes = await db.AiResults.Where(r => r.ExamId == exam.Id).OrderBy(r => r.Code).Select(r => r.Code).ToListAsync();
        Assert.Equal(["ICH", "MLS"], codes);
    }

    [Theory]
    [InlineData("PE", "POS", "HEADCT_TRIAGE", "Observation.code", "not registered for")]
    [InlineData("ICH", "maybe", "HEADCT_TRIAGE", "Observation.interpretation (POS or NEG)", "does not say whether ICH is there")]
    [InlineData("ICH", "POS", "SOMEONE_ELSE", "Observation.device", "No AI algorithm is registered as 'SOMEONE_ELSE'")]
    [InlineData("ICH", "POS", "", "Observation.device", "does not name its algorithm")]
    public async Task ABadObservationIsUnprocessableNamingTheElement(string code, string interpretation, string device, string element,
        string reason)
    {
        var client = await ExamAsync("RZ1AI000003");

        var response = await client.PostAsync("/fhir/Observation",
            Body(Observation($"bad-{code}-{interpretation}", "RZ1AI000003", code, interpretation, 0.9, device)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var outcome = Assert.IsType<OperationOutcome>(await FhirJson.ParseAsync(response));
        Assert.Contains(outcome.Issue, i => i.Expression.Contains(element) && (i.Diagnostics ?? string.Empty).Contains(reason,
            StringComparison.Ordinal));
        await using var db = Database();
        Assert.False(await db.AiResults.AnyAsync(r => r.Source == "FHIR" && r.Code == code && r.Positive
            && db.Exams.Any(e => e.Id == r.ExamId && e.Accession == AccessionNumber.FromTrusted("RZ1AI000003"))));
    }

    [Fact]
    public async Task OnlyAnIngestClientMaySendResults()
    {
        var reader = Tokens.WithToken(app, await Tokens.ClientCredentialsAsync(app, "worklist.read"));

        var response = await reader.PostAsync("/fhir/Observation",
            Body(Observation("o9", "RZ1AI000001", "ICH", "POS", 0.9, DemoNetworkGenerator.DemoAiApplication)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    /// <summary>A CT head ordered and imaged at RZ1 over FHIR; returns the ingest client.</summary>
    private async Task<HttpClient> ExamAsync(string accession)
    {
        var client = Tokens.WithToken(app, await Tokens.ClientCredentialsAsync(app, "worklist.ingest"));
        var order = FhirIngestTests.Request(accession, "CHEAD").Replace("\"sr-", "\"ai-sr-", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/fhir/ServiceRequest", Body(order))).StatusCode);
        return client;
    }

    private WorklistDbContext Database() => app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContext();

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/fhir+json");

    private static string Observation(string id, string accession, string code, string interpretation, double score, string device) => $$"""
        {
          "resourceType": "Observation", "id": "{{id}}", "status": "preliminary",
          "code": { "coding": [{ "system": "urn:vendor:findings", "code": "{{code}}" }], "text": "Finding" },
          "basedOn": [{ "identifier": { "value": "{{accession}}" } }],
          "performer": [{ "identifier": { "system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "RZ1" } }],
          {{(device.Length == 0 ? string.Empty : $"\"device\": {{ \"identifier\": {{ \"value\": \"{device}\" }} }},")}}
          "interpretation": [{ "coding": [{ "code": "{{interpretation}}" }] }],
          "valueQuantity": { "value": {{score.ToString(System.Globalization.CultureInfo.InvariantCulture)}} }
        }
        """;
}
