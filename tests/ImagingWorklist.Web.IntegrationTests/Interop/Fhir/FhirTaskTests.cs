using System.Net;
using Hl7.Fhir.Model;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace ImagingWorklist.Web.IntegrationTests.Interop.Fhir;

/// <summary>FHIR R4: the capability statement, and worklist items as Task, read back with the Firely parser (which refuses invalid
/// R4).</summary>
public sealed class FhirTaskTests(FhirTaskTests.App app) : IClassFixture<FhirTaskTests.App>
{
    [Fact]
    public async Task TheCapabilityStatementIsPublicValidR4AndDescribesTaskAndReportSearch()
    {
        var response = await app.CreateClient().GetAsync("/fhir/metadata");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var statement = Assert.IsType<CapabilityStatement>(await FhirJson.ParseAsync(response));
        Assert.Equal(FHIRVersion.N4_0_1, statement.FhirVersion);
        Assert.Equal(["Task", "DiagnosticReport", "ServiceRequest", "Observation"], statement.Rest[0].Resource.Select(r => r.Type));
        Assert.All(statement.Rest[0].Resource.Skip(1).Where(r => r.Type != "ServiceRequest"), r => Assert.Contains(r.Interaction,
            i => i.Code == CapabilityStatement.TypeRestfulInteraction.Create));
        Assert.All(statement.Rest[0].Resource.Take(2), r => Assert.Contains(r.SearchParam, p => p.Name == "_lastUpdated"));
        Assert.Contains(statement.Rest[0].Resource[2].SearchParam, p => p.Name == "intent");
        Assert.Contains(statement.Rest[0].Resource[1].SearchParam, p => p.Name == "status");
    }

    [Fact]
    public async Task ASearchReturnsTasksOnlyFromTheCallersTrustsAndHonoursItsFilters()
    {
        var token = (await Tokens.AuthorizationCodeAsync(app, "radiologist", "openid worklist.read")).AccessToken;
        var client = Tokens.WithToken(app, token);
        var allowed = await DemoPeople.CredentialedTrustsAsync(app.Services, "radiologist");

        var ready = Assert.IsType<Bundle>(await FhirJson.ParseAsync(await client.GetAsync("/fhir/Task?status=ready&_count=200")));
        var stat = Assert.IsType<Bundle>(await FhirJson.ParseAsync(await client.GetAsync("/fhir/Task?priority=stat&_count=200")));
        var future = Assert.IsType<Bundle>(await FhirJson.ParseAsync(await client.GetAsync("/fhir/Task?_lastUpdated=ge2099-01-01")));

        Assert.Equal(Bundle.BundleType.Searchset, ready.Type);
        Assert.NotEmpty(ready.Entry);
        Assert.True(ready.Total >= ready.Entry.Count);
        var tasks = ready.Entry.Select(e => Assert.IsType<Hl7.Fhir.Model.Task>(e.Resource)).ToList();
        Assert.All(tasks, t => Assert.Equal(Hl7.Fhir.Model.Task.TaskStatus.Ready, t.Status));
        Assert.All(tasks, t => Assert.Contains(t.Identifier[0].System!["urn:imagingworklist:accession:".Length..], allowed));
        Assert.All(tasks, t => Assert.Null(t.For));
        Assert.All(stat.Entry, e => Assert.Equal(RequestPriority.Stat, Assert.IsType<Hl7.Fhir.Model.Task>(e.Resource).Priority));
        Assert.Equal(0, future.Total);
    }

    [Fact]
    public async Task ATaskOutsideTheCallersTrustsIsNotFound()
    {
        var outside = await DemoPeople.ExamOutsideCredentialsOfAsync(app.Services, "radiologist");
        var client = await SignIn.AsAsync(app, "radiologist");
        var manager = await SignIn.AsAsync(app, "manager");

        var refused = await client.GetAsync($"/fhir/Task/{outside}");
        var seen = await manager.GetAsync($"/fhir/Task/{outside}");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.IsType<OperationOutcome>(await FhirJson.ParseAsync(refused));
        Assert.Equal(outside.ToString(), Assert.IsType<Hl7.Fhir.Model.Task>(await FhirJson.ParseAsync(seen)).Id);
    }

    [Theory]
    [InlineData("/fhir/Task?colour=blue", "not supported")]
    [InlineData("/fhir/Task?status=done", "not one of requested")]
    [InlineData("/fhir/Task?priority=soon", "not one of routine")]
    [InlineData("/fhir/Task?_lastUpdated=yesterday", "must be a prefix")]
    [InlineData("/fhir/Task?owner=Bob", "Practitioner/")]
    [InlineData("/fhir/Task?_count=-1", "whole numbers")]
    [InlineData("/fhir/Task?_count=501", "_count 1 to 500")]
    [InlineData("/fhir/DiagnosticReport?_count=201", "_count 1 to 200")]
    [InlineData("/fhir/Task?_count=0", "_count 1 to 500")]
    [InlineData("/fhir/Task?_format=xml", "answers in JSON", HttpStatusCode.NotAcceptable)]
    [InlineData("/fhir/Task?st%C3%A4tus=ready", "'stätus' is not supported")]
    public async Task ABadSearchIsAnsweredWithAnOperationOutcome(string url, string reason,
        HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var client = await SignIn.AsAsync(app, "manager");

        var response = await client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        var outcome = Assert.IsType<OperationOutcome>(await FhirJson.ParseAsync(response));
        Assert.Contains(reason, outcome.Issue[0].Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASearchWithoutCredentialsIsUnauthorised()
    {
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/fhir/Task");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public sealed class App() : WorklistAppFactory(DatabaseProvider.Sqlite);
}
