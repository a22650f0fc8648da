using System.Net;
using System.Net.Sockets;
using System.Text;
using CsCheck;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using ImagingWorklist.TestSupport;
using ImagingWorklist.Web.IntegrationTests.Interop.Fhir;
using ImagingWorklist.Web.Interop.Hl7v2;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Message = ImagingWorklist.Web.IntegrationTests.Interop.Hl7v2.Hl7IngestEndpointTests;

namespace ImagingWorklist.Web.IntegrationTests.Hardening;

/// <summary>
/// Every input surface under generated input (CsCheck; a failure prints the seed that reproduces it): every input gets a
/// specific answer (a 2xx, or a 4xx/AE/AR with a reason), never a 5xx and never a dropped connection; and what is
/// accepted is stored exactly, Welsh, Irish and Polish names included, on both providers. Bounded: a few hundred
/// requests per provider.
/// </summary>
public sealed class InputPropertyTests(HostileApps apps) : IClassFixture<HostileApps>
{
    /// <summary>Characters that break naive parsers: delimiters of HL7, JSON and CSV, control characters, non-ASCII, a lone
    /// surrogate.</summary>
    private const string Hostile = "\0\r\n\t|^~\\&\u000b\u001c\"',;:{}[]#%+ éłŵñß\u00a0\u2400\ud83d\ude00\ud800azAZ09";

    private static readonly Gen<string> Noise = Gen.String[Gen.Char[Hostile], 1, 12];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EveryHl7MessageOverHttpGetsAnAckOrAReasonNeverAServerError(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        var client = Tokens.WithToken(app, await Tokens.ClientCredentialsAsync(app, "worklist.ingest"));
        var sequence = 0;

        await Mutations(Message.Message("PROP", "RZ1PROP000000")).SampleAsync(async text =>
        {
            var body = text.Replace("|PROP|", $"|P{Interlocked.Increment(ref sequence)}|", StringComparison.Ordinal);
            using var response = await client.PostAsync(Hl7Endpoints.Path, new StringContent(body, Encoding.UTF8, Hl7Endpoints.MediaType));
            var answer = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {Shown(body)}: {answer}");
            Assert.True(response.StatusCode != HttpStatusCode.OK || answer.Contains("MSA|A", StringComparison.Ordinal), answer);
            Assert.False(string.IsNullOrWhiteSpace(answer));
        }, iter: 60, threads: 1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EveryFramedMessageOverMllpIsAnsweredOnTheSameConnection(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        var endpoint = await app.Services.GetRequiredService<MllpListener>().Bound;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, endpoint!.Port);
        var stream = tcp.GetStream();
        var sequence = 0;

        await Mutations(Message.Message("PROP", "RZ1PROP000000")).SampleAsync(async text =>
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var body = text.Replace("|PROP|", $"|M{Interlocked.Increment(ref sequence)}|", StringComparison.Ordinal)
                .Replace("\u000b", string.Empty, StringComparison.Ordinal).Replace("\u001c", string.Empty, StringComparison.Ordinal);
            await stream.WriteAsync(Mllp.Frame(body), timeout.Token);
            var ack = await Mllp.ReadFrameAsync(stream, timeout.Token);
            Assert.True(ack?.Contains("MSA|A", StringComparison.Ordinal) == true, $"No answer to {Shown(body)}: {ack}");
        }, iter: 40, threads: 1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task NamesInEveryAlphabetOfTheNetworkAreStoredExactly(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        var client = Tokens.WithToken(app, await Tokens.ClientCredentialsAsync(app, "worklist.ingest"));
        var names =
            Gen.OneOf<string>("Siân", "Llŷr", "Gwenllïan", "Ó Súilleabháin", "Ní Bhriain", "Seán", "Łukasz", "Żaneta", "Wróblewska",
            "Grzegorz Brzęczyszczykiewicz", "Zoë", "Ægir", "Dvořák");
        var sequence = 0;

        await names.Select(names).SampleAsync(async pair =>
        {
            var (family, given) = pair;
            var n = Interlocked.Increment(ref sequence);
            var accession = $"RZ1UNI{provider.ToString()[0]}{n:D6}";
            var message = Message.Message($"U{n}", accession).Replace("Testpatient^Alex", $"{family}^{given}", StringComparison.Ordinal);

            using var response =
                await client.PostAsync(Hl7Endpoints.Path, new StringContent(message, Encoding.UTF8, Hl7Endpoints.MediaType));

            Assert.Contains("MSA|AA|", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            await using var db = app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContext();
            var patient =
                (await db.Exams.AsNoTracking().SingleAsync(e => e.Accession == Domain.Identifiers.AccessionNumber.FromTrusted(accession)))
                .Patient;
            Assert.Equal((family, given), (patient.FamilyName, patient.GivenName));
        }, iter: 15, threads: 1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EveryUpsRsQueryAndBodyGetsAnAnswerNeverAServerError(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        var manager = await SignIn.AsAsync(app, "manager");
        var keys =
            Gen.OneOf<string>("AccessionNumber", "PatientID", "ProcedureStepState", "ScheduledProcedureStepPriority", "ProcedureStepLabel",
            "limit", "offset", "00080050", "includefield");
        var queries = from key in Gen.Frequency<string>((4, keys), (1, Noise))
                      from value in Gen.Frequency<string>((1, Gen.OneOf<string>("SCHEDULED", "HIGH", "10", "RZ1")), (2, Noise))
                      select $"{Uri.EscapeDataString(key)}={Uri.EscapeDataString(value)}";
        var uid = Web.Interop.DicomWeb.DicomJson.UidOf(Guid.NewGuid());

        await queries.Array[1, 3].SampleAsync(async parts =>
        {
            using var search = await manager.GetAsync($"/dicomweb/workitems?{string.Join('&', parts)}");
            Assert.True((int)search.StatusCode is 200 or 204 or 400,
                $"{(int)search.StatusCode} for {string.Join('&', parts)}: {await search.Content.ReadAsStringAsync()}");
        }, iter: 60, threads: 1);

        await Mutations("[{\"00741000\":{\"vr\":\"CS\",\"Value\":[\"IN PROGRESS\"]},\"00081195\":{\"vr\":\"UI\",\"Value\":[\"1.2.3\"]}}]")
            .SampleAsync(async body =>
        {
            using var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = new("application/dicom+json");
            using var response = await manager.PutAsync($"/dicomweb/workitems/{uid}/state", content);
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode} for {Shown(body)}");
        }, iter: 40, threads: 1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EveryFhirOrderGetsAnOutcomeNeverAServerError(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        var client = Tokens.WithToken(app, await Tokens.ClientCredentialsAsync(app, "worklist.ingest"));
        var sequence = 0;

        await Mutations(FhirIngestTests.Request("RZ1FHIRPROP0", "XCHES")).SampleAsync(async json =>
        {
            var body =
                json.Replace("RZ1FHIRPROP0", $"RZ1FP{provider.ToString()[0]}{Interlocked.Increment(ref sequence):D5}",
                StringComparison.Ordinal);
            using var response =
                await client.PostAsync("/fhir/ServiceRequest", new StringContent(body, Encoding.UTF8, "application/fhir+json"));
            var answer = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {Shown(body)}: {answer}");
            Assert.Contains("OperationOutcome", answer, StringComparison.Ordinal);
        }, iter: 40, threads: 1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EveryRotaFileGetsAReportAndABadOneChangesNothing(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        var files = app.Services.GetRequiredService<Application.Rota.RotaFiles>();
        var actor = new Application.Common.Actor("coordinator");
        var template =
            $"{Application.Rota.RotaFiles.CsvHeader}\r\nGMC0000001,InHoursSession,2030-01-07 09:00,2030-01-07 13:00,network,200\r\n";
        await using var before = app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContext();
        var shifts = await before.RotaShifts.CountAsync();

        await Mutations(template).SampleAsync(async csv =>
        {
            var report = await files.ImportCsvAsync(csv, actor);
            Assert.True(report.Succeeded || report.Problems.All(p => p.Message.Length > 0));
            await using var db = app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContext();
            Assert.True(report.Succeeded || await db.RotaShifts.CountAsync() == shifts + 0, "a refused file changed the rota");
        }, iter: 40, threads: 1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EverySignInFormGetsAnAnswerAndOnlyTheRightPasswordSignsIn(DatabaseProvider provider)
    {
        var app = apps.On(provider);

        await Gen.Frequency<string>((3, Noise), (1, Mutations("radiologist"))).SampleAsync(async userName =>
        {
            var client = app.CreateClient(new() { AllowAutoRedirect = false });
            using var response = await SignIn.PostAsync(client, userName, WorklistAppFactory.DemoPassword);
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} signing in as {Shown(userName)}");
            Assert.True(userName == "radiologist" || response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString()
                .Contains("login", StringComparison.OrdinalIgnoreCase) == true,
                $"signed in as {Shown(userName)}");
        }, iter: 30, threads: 1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ReportTextInAnyScriptIsKeptExactlyAndWhatCannotBeStoredIsRefused(DatabaseProvider provider)
    {
        var app = apps.On(provider);
        var reporter = await DemoPeople.ReporterOfAsync(app.Services, "radiologist2");
        var actor = new Application.Common.Actor("radiologist2", reporter);
        var exam = await DemoPeople.ClaimAndSignAsync(app.Services, "radiologist2", text: null);
        var reports = app.Services.GetRequiredService<Application.Reporting.ReportingService>();
        var text = Gen.String[Gen.Char[Hostile + "Llŷr Ó Súilleabháin Łódź — ≥ 5 mm, 2×3 cm; “quoted”.\r\n"], 1, 400];

        await text.SampleAsync(async draft =>
        {
            var saved = await reports.SaveDraftAsync(exam, reporter, draft, actor);
            await using var db = app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContext();
            var stored = await db.Reports.AsNoTracking().Where(r => r.ExamId == exam).Select(r => r.Text).SingleOrDefaultAsync();
            if (Domain.Common.StoredText.UnstorableAt(draft) is not null)
            {
                Assert.False(saved.Succeeded);
                Assert.Contains("cannot be stored", saved.Reason, StringComparison.Ordinal);
                Assert.NotEqual(draft, stored);
            }
            else
            {
                Assert.True(saved.Succeeded, saved.Reason);
                Assert.Equal(draft, stored);
            }
        }, iter: 40, threads: 1);
    }

    /// <summary>A template with one thing wrong: noise inserted, a stretch cut out, the end cut off, or a stretch repeated.</summary>
    private static Gen<string> Mutations(string template) =>
        from kind in Gen.Int[0, 3]
        from at in Gen.Int[0, template.Length]
        from length in Gen.Int[1, 40]
        from noise in Noise
        select kind switch
        {
            0 => template.Insert(at, noise),
            1 => template.Remove(at, Math.Min(length, template.Length - at)),
            2 => template[..at],
            _ => template.Insert(at, template.Substring(at, Math.Min(length, template.Length - at))),
        };

    private static string Shown(string text) => Domain.Common.StoredText.Echo(text, 400);
}
