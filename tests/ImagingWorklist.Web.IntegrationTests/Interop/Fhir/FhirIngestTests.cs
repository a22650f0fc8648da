using System.Net;
using System.Text;
using Hl7.Fhir.Model;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace ImagingWorklist.Web.IntegrationTests.Interop.Fhir;

/// <summary>FHIR R4 orders in: ServiceRequest, ImagingStudy, Bundle; answered with OperationOutcome naming the element at fault.</summary>
public sealed class FhirIngestTests(FhirIngestTests.App app) : IClassFixture<FhirIngestTests.App>
{
    [Fact]
    public async Task AServiceRequestBecomesAnExamAndAnAvailableImagingStudyMakesItReady()
    {
        var client = await IngesterAsync();

        var ordered = await client.PostAsync("/fhir/ServiceRequest", Body(Request("RZ1FHIR00001", "XCHES")));
        var imaged = await client.PostAsync("/fhir", Body(StudyBundle("RZ1FHIR00001")));

        Assert.Equal(HttpStatusCode.OK, ordered.StatusCode);
        Assert.Equal(OperationOutcome.IssueSeverity.Information, Assert.IsType<OperationOutcome>(await FhirJson.ParseAsync(ordered))
            .Issue[0].Severity);
        var batch = Assert.IsType<Bundle>(await FhirJson.ParseAsync(imaged));
        Assert.Equal(Bundle.BundleType.BatchResponse, batch.Type);
        Assert.StartsWith("200", batch.Entry.Single().Response!.Status, StringComparison.Ordinal);
        await using var db = app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContext();
        var exam = await db.Exams.SingleAsync(e => e.Accession == Domain.Identifiers.AccessionNumber.FromTrusted("RZ1FHIR00001"));
        Assert.Equal((Domain.Exams.ExamState.Ready, "9434765919", "1.2.826.0.1.3680043.8.498.1"),
            (exam.State, exam.Patient.NhsNumber!.Value, exam.StudyInstanceUid!.Value));
        Assert.Equal(("Dr R Patel, respiratory", "Dr P Jones, Riverside Surgery"), (exam.Referrer, exam.RegisteredGp));
        var stored = await db.InboundMessages.Where(m => m.Channel == "FHIR" && m.ExamId == exam.Id).ToListAsync();
        Assert.Contains(stored, m
            => m.Original!.Contains("sr-RZ1FHIR00001", StringComparison.Ordinal) && m.Raw.StartsWith("MSH|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AResendOfTheSameResourceChangesNothing()
    {
        var client = await IngesterAsync();
        var body = Request("RZ1FHIR00002", "XCHES");

        var first = await client.PostAsync("/fhir/ServiceRequest", Body(body));
        var again = await client.PostAsync("/fhir/ServiceRequest", Body(body));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        await using var db = app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContext();
        Assert.Equal(1, await db.Exams.CountAsync(e => e.Accession == Domain.Identifiers.AccessionNumber.FromTrusted("RZ1FHIR00002")));
    }

    [Fact]
    public async Task AnUnknownProcedureIsUnprocessableAndNamesTheElement()
    {
        var client = await IngesterAsync();

        var response = await client.PostAsync("/fhir/ServiceRequest", Body(Request("RZ1FHIR00003", "NOSUCH")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var outcome = Assert.IsType<OperationOutcome>(await FhirJson.ParseAsync(response));
        Assert.Contains(outcome.Issue, i
            => i.Expression.Contains("ServiceRequest.code") && (i.Diagnostics ?? string.Empty)
            .Contains("NOSUCH", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"resourceType\":\"ServiceRequest\",\"status\":\"sort-of\",\"intent\":\"order\",\"subject\":{\"reference\":\"#p\"}}",
        "sort-of")]
    [InlineData("{\"resourceType\":\"ServiceRequest\",\"colour\":\"blue\"}", "colour")]
    [InlineData("not json", "must be one FHIR resource")]
    [InlineData("[{\"resourceType\":\"ServiceRequest\"}]", "must be one FHIR resource")]
    [InlineData("{\"resourceType\":\"ServiceRequest\",\"status\":", "not FHIR JSON")]
    [InlineData("{\"resourceType\":\"Patient\",\"gender\":\"male\"}", "takes a ServiceRequest")]
    [InlineData("{\"resourceType\":\"ServiceRequest\",\"identifier\":[{\"type\":{\"coding\":[{\"\":[]}]}}]}",
        "empty name at identifier[0].type.coding[0]")]
    [InlineData("{\"resourceType\":\"ServiceRequest\",\"\":1}", "empty name at the top level")]
    public async Task InvalidR4IsRefusedWithTheParsersFindings(string json, string finding)
    {
        var client = await IngesterAsync();

        var response = await client.PostAsync("/fhir/ServiceRequest", Body(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var outcome = Assert.IsType<OperationOutcome>(await FhirJson.ParseAsync(response));
        Assert.Contains(outcome.Issue, i => (i.Diagnostics ?? string.Empty).Contains(finding, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OnlyAnIngestTokenMaySendAndOnlyAsFhirJson()
    {
        var reader = Tokens.WithToken(app, await Tokens.ClientCredentialsAsync(app, "worklist.read"));
        var ingester = await IngesterAsync();

        var forbidden = await reader.PostAsync("/fhir/ServiceRequest", Body(Request("RZ1FHIR00004", "XCHES")));
        var xml =
            await ingester.PostAsync("/fhir/ServiceRequest", new StringContent("<ServiceRequest/>", Encoding.UTF8, "application/fhir+xml"));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, xml.StatusCode);
    }

    private async Task<HttpClient> IngesterAsync() => Tokens.WithToken(app, await Tokens.ClientCredentialsAsync(app, "worklist.ingest"));

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/fhir+json");

    internal static string Request(string accession, string code) => $$"""
        {
          "resourceType": "ServiceRequest",
          "id": "sr-{{accession}}",
          "contained": [{
            "resourceType": "Patient", "id": "p",
            "identifier": [
              { "system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9434765919" }, { "system": "urn:rz1:mrn", "value": "F123" }],
            "name": [{ "family": "Fhirpatient", "given": ["Sam"] }], "gender": "female", "birthDate": "1975-03-04",
            "generalPractitioner": [{ "display": "Dr P Jones, Riverside Surgery" }]
          }],
          "identifier": [{
            "type": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "ACSN" }] },
            "value": "{{accession}}" }],
          "status": "active", "intent": "order", "priority": "urgent",
          "category": [{ "coding": [{ "code": "AMB" }] }],
          "code": { "coding": [{ "system": "urn:rz1:procedures", "code": "{{code}}" }], "text": "XR Chest" },
          "subject": { "reference": "#p" },
          "authoredOn": "2026-11-25T09:00:00Z",
          "requester": { "display": "Dr R Patel, respiratory" },
          "performer": [{ "identifier": { "system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "RZ1" } }],
          "locationCode": [{ "coding": [{ "code": "RZ101" }] }],
          "reasonCode": [{ "text": "Cough for 3 weeks" }]
        }
        """;

    private static string StudyBundle(string accession) => $$"""
        {
          "resourceType": "Bundle", "type": "batch",
          "entry": [
            { "resource": { "resourceType": "Organization", "id": "o",
                "identifier": [{ "system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "RZ1" }] },
              "request": { "method": "POST", "url": "Organization" } },
            { "resource": {
                "resourceType": "ImagingStudy", "id": "s1", "status": "available",
                "identifier": [
                  { "system": "urn:dicom:uid", "value": "urn:oid:1.2.826.0.1.3680043.8.498.1" },
                  { "type": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "ACSN" }] },
                    "value": "{{accession}}" }],
                "subject": { "reference": "Patient/p" }, "started": "2026-11-25T09:30:00Z" },
              "request": { "method": "POST", "url": "ImagingStudy" } }
          ]
        }
        """;

    public sealed class App() : WorklistAppFactory(DatabaseProvider.Sqlite);
}
