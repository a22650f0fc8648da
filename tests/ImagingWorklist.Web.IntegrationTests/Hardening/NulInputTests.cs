using System.Net;
using System.Net.Sockets;
using System.Text;
using OperationOutcome = Hl7.Fhir.Model.OperationOutcome;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using ImagingWorklist.Web.IntegrationTests.Interop.Fhir;
using ImagingWorklist.Web.Interop.Hl7v2;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Message = ImagingWorklist.Web.IntegrationTests.Interop.Hl7v2.Hl7IngestEndpointTests;

namespace ImagingWorklist.Web.IntegrationTests.Hardening;

/// <summary>
/// A NUL (0x00) anywhere a sender can put one: PostgreSQL text cannot hold it, so before these fixes the save failed and
/// MLLP closed without an answer, HTTP and FHIR answered 500. Now every one is answered with the reason, on both providers.
/// </summary>
public sealed class NulInputTests(HostileApps apps) : IClassFixture<HostileApps>
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnHl7MessageWithANulIsRefusedNamingItAndKeptWithTheNulVisible(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        var client = Tokens.WithToken(app, await Tokens.ClientCredentialsAsync(app, "worklist.ingest"));
        var message = Message.Message("NUL1", "RZ100900501").Replace("Testpatient", "Test\0patient", StringComparison.Ordinal);

        var response = await client.PostAsync(Hl7Endpoints.Path, new StringContent(message, Encoding.UTF8, Hl7Endpoints.MediaType));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ack = await response.Content.ReadAsStringAsync();
        Assert.Contains("MSA|AR|NUL1|", ack, StringComparison.Ordinal);
        Assert.Contains("NUL character (0x00)", ack, StringComparison.Ordinal);
        Assert.Contains("ERR|PID^1^5^102", ack, StringComparison.Ordinal);
        await using var db = app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContext();
        var kept = await db.InboundMessages.SingleAsync(m => m.Raw.Contains("|NUL1|"));
        Assert.Contains("Test\u2400patient", kept.Raw, StringComparison.Ordinal);
        Assert.False(await db.Exams.AnyAsync(e => e.Accession == Domain.Identifiers.AccessionNumber.FromTrusted("RZ100900501")));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OverMllpANulGetsAnAnswerAndTheConnectionCarriesOn(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        var endpoint = await app.Services.GetRequiredService<MllpListener>().Bound;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, endpoint!.Port);
        var stream = tcp.GetStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await stream.WriteAsync(Mllp.Frame(Message.Message("NUL2", "RZ100900502\0")), timeout.Token);
        var refused = await Mllp.ReadFrameAsync(stream, timeout.Token);
        await stream.WriteAsync(Mllp.Frame(Message.Message("NUL3", "RZ100900503")), timeout.Token);
        var accepted = await Mllp.ReadFrameAsync(stream, timeout.Token);

        Assert.Contains("MSA|AR|NUL2|", refused, StringComparison.Ordinal);
        Assert.Contains("MSA|AA|NUL3|", accepted, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AFhirOrderWithANulIsRefusedWithAnOperationOutcome(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        var client = Tokens.WithToken(app, await Tokens.ClientCredentialsAsync(app, "worklist.ingest"));
        var json = FhirIngestTests.Request("RZ1FHIR00501", "XCHES").Replace("Fhirpatient", "Fhir\\u0000patient", StringComparison.Ordinal);

        var response = await client.PostAsync("/fhir/ServiceRequest", new StringContent(json, Encoding.UTF8, "application/fhir+json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var outcome = Assert.IsType<OperationOutcome>(await FhirJson.ParseAsync(response));
        Assert.Contains(outcome.Issue, i => (i.Diagnostics ?? string.Empty).Contains("NUL character", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AQueryValueWithANulIsRefusedNamingTheParameter(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        var client = await SignIn.AsAsync(app, "manager");

        var ups = await client.GetAsync("/dicomweb/workitems?PatientID=94%0034765919");
        var fhir = await client.GetAsync("/fhir/Task?status=ready%00");
        var audit = await (await SignIn.AsAsync(app, "admin")).GetAsync("/api/audit/export.csv?actor=ad%00min");

        foreach (var (response, parameter) in new[] { (ups, "PatientID"), (fhir, "status"), (audit, "actor") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains($"'{parameter}' contains a NUL character (0x00) at position", body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ADraftWithANulIsRefusedAndTheOldDraftStays(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        var reporter = await Testing.DemoPeople.ReporterOfAsync(app.Services, "radiologist");
        var actor = new Application.Common.Actor("radiologist", reporter);
        var exam = await Testing.DemoPeople.ClaimAndSignAsync(app.Services, "radiologist", text: null);
        var reports = app.Services.GetRequiredService<Application.Reporting.ReportingService>();

        var first = await reports.SaveDraftAsync(exam, reporter, "No acute abnormality.", actor);
        var second = await reports.SaveDraftAsync(exam, reporter, "No acute\0 abnormality. Normal heart size.", actor);

        Assert.True(first.Succeeded, first.Reason);
        Assert.False(second.Succeeded);
        Assert.Contains("NUL character (0x00) at position 9", second.Reason, StringComparison.Ordinal);
        await using var db = app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContext();
        Assert.Equal("No acute abnormality.", (await db.Reports.SingleAsync(r => r.ExamId == exam)).Text);
    }

    [Fact]
    public void EchoedValuesShowControlCharactersAndHeadersStayAscii()
    {
        Assert.Equal("a\\u0000b", StoredText.Echo("a\0b"));
        Assert.Equal(new string('x', 80) + "…", StoredText.Echo(new string('x', 200)));
        Assert.Equal("offset \\u2265 0, 'x' \\u00E9t\\u00E9", StoredText.Ascii("offset ≥ 0, \"x\" été"));
    }
}
