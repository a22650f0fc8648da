using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Web.IntegrationTests.Interop.DicomWeb;

public sealed class UpsRsTests(UpsRsTests.App app) : IClassFixture<UpsRsTests.App>
{
    private const string Workitems = "/dicomweb/workitems";

    [Fact]
    public async Task AnAnonymousCallerGetsUnauthorisedNotASignInPage()
    {
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(Workitems);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SearchReturnsScheduledWorkitemsAsDicomJsonOnlyFromTheReportersCredentialedTrusts()
    {
        var client = await SignIn.AsAsync(app, "radiologist");

        var response = await client.GetAsync($"{Workitems}?ProcedureStepState=SCHEDULED&limit=500");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/dicom+json", response.Content.Headers.ContentType?.MediaType);
        var items = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal("SCHEDULED", Value(i, "00741000")));
        Assert.All(items, i => Assert.Null(i!["00081195"]));
        var accessions = items.Select(i => Value(i, "00080050")!).ToList();
        var allowed = await DemoPeople.CredentialedTrustsAsync(app.Services, "radiologist");
        Assert.All(accessions, a => Assert.Contains(a[..3], allowed));
    }

    [Theory]
    [InlineData("Colour=blue", "not supported")]
    [InlineData("ProcedureStepState=DONE", "not a procedure step state")]
    [InlineData("ScheduledProcedureStepPriority=URGENT", "not a UPS priority")]
    [InlineData("limit=lots", "whole numbers")]
    [InlineData("limit=-1", "offset ≥ 0")]
    [InlineData("limit=501", "limit 1 to 500")]
    [InlineData("ProcedureStepState=%C3%A9t%C3%A9", "'été' is not a procedure step state")]
    [InlineData("Couleur%C3%A9=1", "Matching on 'Couleuré' is not supported")]
    [InlineData("AccessionNumber=RZ1000000000000000001", "cannot match any workitem")]
    [InlineData("AccessionNumber=RZ1%5C0001", "cannot match any workitem")]
    [InlineData("AccessionNumber=RZ1&AccessionNumber=RZ2", "'AccessionNumber' is given 2 times")]
    [InlineData("AccessionNumber=RZ1&00080050=RZ2", "already given under its other name")]
    public async Task ABadSearchIsRefusedWithAReason(string query, string reason)
    {
        var client = await SignIn.AsAsync(app, "radiologist");

        var response = await client.GetAsync($"{Workitems}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var warning = Assert.Single(response.Headers.GetValues("Warning"));
        Assert.True(Ascii.IsValid(warning), warning);
        Assert.Contains(Domain.Common.StoredText.Ascii(reason), warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANonAsciiWorkitemUidIsRefusedWithAnAsciiWarning()
    {
        var client = await SignIn.AsAsync(app, "radiologist");

        var response = await client.GetAsync($"{Workitems}/2.25.%C3%A9t%C3%A9");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'2.25.été' is not a workitem UID", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("2.25.\\u00E9t\\u00E9", response.Headers.GetValues("Warning").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARepeatedAttributeInABodyIsRefusedAndChangesNothing()
    {
        var a = await SignIn.AsAsync(app, "radiologist");
        var uid =
            Value(JsonNode.Parse(await a.GetStringAsync($"{Workitems}?ProcedureStepState=SCHEDULED&limit=1&offset=5"))!.AsArray()[0],
            "00080018");
        const string state = "{\"vr\":\"CS\",\"Value\":[\"IN PROGRESS\"]}";
        const string transaction = "{\"vr\":\"UI\",\"Value\":[\"1.2.3.4.700\"]}";

        var twice =
            await a.PutAsync($"{Workitems}/{uid}/state",
            Dicom($"[{{\"00741000\":{state},\"00081195\":{transaction},\"00081195\":{transaction}}}]"));
        var cancel =
            await a.PostAsync($"{Workitems}/{uid}/cancelrequest",
            Dicom("[{\"00741238\":{\"vr\":\"LT\",\"Value\":[\"a\"]},\"00741238\":{\"vr\":\"LT\",\"Value\":[\"b\"]}}]"));

        foreach (var response in new[] { twice, cancel })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("not valid DICOM JSON", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal("SCHEDULED", Value(JsonNode.Parse(await a.GetStringAsync($"{Workitems}/{uid}"))!.AsArray()[0], "00741000"));
    }

    [Fact]
    public async Task AReporterOutsideTheirScopeIsForbiddenNotInConflict()
    {
        var radiographer = await SignIn.AsAsync(app, "radiographer");
        var reporter = await DemoPeople.ReporterOfAsync(app.Services, "radiographer");
        var engine = app.Services.GetRequiredService<Application.Engine.WorklistEngineHost>();
        var visible = JsonNode.Parse(await radiographer.GetStringAsync($"{Workitems}?ProcedureStepState=SCHEDULED&limit=500"))!.AsArray();
        var outside = visible.Select(i => Value(i, "00080018")!)
            .First(uid => engine.Check(reporter, Web.Interop.DicomWeb.DicomJson.IdOf(uid)!.Value) is { IsEligible: false });

        var response = await radiographer.PutAsync($"{Workitems}/{outside}/state", State("IN PROGRESS", "1.2.3.4.800"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsStringAsync());
        Assert.Equal("SCHEDULED",
            Value(JsonNode.Parse(await radiographer.GetStringAsync($"{Workitems}/{outside}"))!.AsArray()[0], "00741000"));
    }

    [Fact]
    public async Task ClaimingCompletingAndContendingFollowTheUpsStateModel()
    {
        var a = await SignIn.AsAsync(app, "radiologist");
        var b = await SignIn.AsAsync(app, "radiologist2");
        var uid = Web.Interop.DicomWeb.DicomJson.UidOf(await DemoPeople.SharedExamAsync(app.Services, "radiologist", "radiologist2"));

        var claimed = await a.PutAsync($"{Workitems}/{uid}/state", State("IN PROGRESS", "1.2.3.4.100"));
        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);

        var contended = await b.PutAsync($"{Workitems}/{uid}/state", State("IN PROGRESS", "1.2.3.4.200"));
        Assert.Equal(HttpStatusCode.Conflict, contended.StatusCode);
        Assert.Contains("already claimed by", await contended.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var seenByB = JsonNode.Parse(await b.GetStringAsync($"{Workitems}/{uid}"))!.AsArray()[0];
        Assert.Equal("IN PROGRESS", Value(seenByB, "00741000"));
        Assert.Null(seenByB!["00081195"]);
        Assert.NotNull(seenByB["00404035"]);

        var wrongToken = await a.PutAsync($"{Workitems}/{uid}/state", State("COMPLETED", "1.2.3.4.999"));
        Assert.Equal(HttpStatusCode.Conflict, wrongToken.StatusCode);

        var completed = await a.PutAsync($"{Workitems}/{uid}/state", State("COMPLETED", "1.2.3.4.100"));
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal("COMPLETED", Value(JsonNode.Parse(await a.GetStringAsync($"{Workitems}/{uid}"))!.AsArray()[0], "00741000"));
    }

    [Fact]
    public async Task ABadStateChangeIsRefusedWithAReasonAndChangesNothing()
    {
        var a = await SignIn.AsAsync(app, "radiologist");
        var uid =
            Value(JsonNode.Parse(await a.GetStringAsync($"{Workitems}?ProcedureStepState=SCHEDULED&limit=1"))!.AsArray()[0], "00080018");

        var notJson = await a.PutAsync($"{Workitems}/{uid}/state", new StringContent("IN PROGRESS", Encoding.UTF8, "text/plain"));
        var broken =
            await a.PutAsync($"{Workitems}/{uid}/state", new StringContent("[{\"00741000\":", Encoding.UTF8, "application/dicom+json"));
        var noTransaction =
            await a.PutAsync($"{Workitems}/{uid}/state",
            new StringContent("[{\"00741000\":{\"vr\":\"CS\",\"Value\":[\"IN PROGRESS\"]}}]", Encoding.UTF8, "application/dicom+json"));
        var unknown = await a.GetAsync($"{Workitems}/2.25.1");
        var malformed = await a.GetAsync($"{Workitems}/not-a-uid");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("Transaction UID", await noTransaction.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("SCHEDULED", Value(JsonNode.Parse(await a.GetStringAsync($"{Workitems}/{uid}"))!.AsArray()[0], "00741000"));
    }

    [Fact]
    public async Task ACancellationRequestIsAcceptedAndAudited()
    {
        var a = await SignIn.AsAsync(app, "radiologist");
        var uid =
            Value(JsonNode.Parse(await a.GetStringAsync($"{Workitems}?ProcedureStepState=SCHEDULED&limit=1&offset=3"))!.AsArray()[0],
            "00080018");

        var response =
            await a.PostAsync($"{Workitems}/{uid}/cancelrequest",
            new StringContent("[{\"00741238\":{\"vr\":\"LT\",\"Value\":[\"Duplicate request\"]}}]", Encoding.UTF8,
            "application/dicom+json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await using var db = app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContext();
        Assert.Contains(db.AuditEvents, e => e.Reason == "Duplicate request");
    }

    private static StringContent State(string state, string transaction)
    {
        var body = new JsonArray(new JsonObject
        {
            ["00741000"] = new JsonObject { ["vr"] = "CS", ["Value"] = new JsonArray(state) },
            ["00081195"] = new JsonObject { ["vr"] = "UI", ["Value"] = new JsonArray(transaction) },
        });
        var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/dicom+json");
        return content;
    }

    private static StringContent Dicom(string json)
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/dicom+json");
        return content;
    }

    private static string? Value(JsonNode? item, string tag) => item?[tag]?["Value"]?[0]?.ToString();

    public sealed class App() : WorklistAppFactory(DatabaseProvider.Sqlite);
}
