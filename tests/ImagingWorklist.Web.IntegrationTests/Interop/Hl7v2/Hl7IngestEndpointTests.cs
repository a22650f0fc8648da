using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using ImagingWorklist.Application.Engine;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using ImagingWorklist.Web.Interop.Hl7v2;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Web.IntegrationTests.Interop.Hl7v2;

/// <summary>HL7 v2 into the real app: a client-credentials token with worklist.ingest over HTTP, and MLLP on its port.</summary>
public sealed class Hl7IngestEndpointTests(Hl7IngestEndpointTests.App app) : IClassFixture<Hl7IngestEndpointTests.App>
{
    [Fact]
    public async Task AnIntegrationClientSendsAnOrderWithItsTokenAndTheExamReachesTheEngine()
    {
        var token = await Tokens.ClientCredentialsAsync(app, "worklist.ingest");
        var client = Tokens.WithToken(app, token);

        var response = await client.PostAsync(Hl7Endpoints.Path, Body(Message("H1", "RZ100900001", "CM")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Hl7Endpoints.MediaType, response.Content.Headers.ContentType?.MediaType);
        var ack = await response.Content.ReadAsStringAsync();
        Assert.Contains("MSA|AA|H1|", ack, StringComparison.Ordinal);
        await using var db = app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContext();
        var exam = await db.Exams.SingleAsync(e => e.Accession == Domain.Identifiers.AccessionNumber.FromTrusted("RZ100900001"));
        Assert.Equal(Domain.Exams.ExamState.Ready, exam.State);
        Assert.NotEmpty(app.Services.GetRequiredService<WorklistEngineHost>().CandidatesFor(exam.Id));
        Assert.Contains((await db.InboundMessages.SingleAsync(m => m.ControlId == "H1")).Source, s => s == '@');
    }

    [Fact]
    public async Task WithoutTheIngestScopeOrWithTheWrongMediaTypeTheMessageIsRefused()
    {
        var reader = Tokens.WithToken(app, await Tokens.ClientCredentialsAsync(app, "worklist.read"));
        var ingester = Tokens.WithToken(app, await Tokens.ClientCredentialsAsync(app, "worklist.ingest"));

        var forbidden = await reader.PostAsync(Hl7Endpoints.Path, Body(Message("H2", "RZ100900002")));
        var json = await ingester.PostAsync(Hl7Endpoints.Path, new StringContent("{}", Encoding.UTF8, "application/json"));
        var person = await (await SignIn.AsAsync(app, "admin", followRedirects: false))
            .PostAsync(Hl7Endpoints.Path, Body(Message("H3", "RZ100900003")));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Contains(Hl7Endpoints.MediaType, await json.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, person.StatusCode);
    }

    [Fact]
    public async Task AnOversizedBodyIsRefusedWithoutBeingStored()
    {
        var client = Tokens.WithToken(app, await Tokens.ClientCredentialsAsync(app, "worklist.ingest"));
        var huge = Message("BIG1", "RZ100900099") + "NTE|1||" + new string('x', Hl7Endpoints.MaxMessageBytes) + "\r";
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(Hl7Endpoints.MediaType);

        var response = await client.PostAsync(Hl7Endpoints.Path, content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await using var db = app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContext();
        Assert.False(await db.InboundMessages.AnyAsync(m => m.ControlId == "BIG1"));
    }

    [Theory]
    [InlineData("C1", "RZ100900601", "iso-8859-1", "")]
    [InlineData("C2", "RZ100900602", null, "8859/1")]
    [InlineData("C3", "RZ100900603", "utf-8", "")]
    public async Task TheDeclaredCharacterSetIsHonoured(string controlId, string accession, string? charset, string msh18)
    {
        var client = Tokens.WithToken(app, await Tokens.ClientCredentialsAsync(app, "worklist.ingest"));
        var text =
            WithMsh18(Message(controlId, accession).Replace("Testpatient^Alex", "Ó Súilleabháin^Siân", StringComparison.Ordinal), msh18);
        var encoding = charset == "utf-8" ? Encoding.UTF8 : Encoding.Latin1;
        using var content = new ByteArrayContent(encoding.GetBytes(text));
        content.Headers.ContentType =
            MediaTypeHeaderValue.Parse(Hl7Endpoints.MediaType + (charset is null ? string.Empty : $"; charset={charset}"));

        var response = await client.PostAsync(Hl7Endpoints.Path, content);

        Assert.Contains($"MSA|AA|{controlId}|", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContext();
        var exam = await db.Exams.SingleAsync(e => e.Accession == Domain.Identifiers.AccessionNumber.FromTrusted(accession));
        Assert.Equal("Ó Súilleabháin", exam.Patient.FamilyName);
        Assert.Equal("Siân", exam.Patient.GivenName);
    }

    [Fact]
    public async Task ACharacterSetThatCannotBeReadIsRefusedByName()
    {
        var client = Tokens.WithToken(app, await Tokens.ClientCredentialsAsync(app, "worklist.ingest"));
        using var unknownCharset = new ByteArrayContent(Encoding.ASCII.GetBytes(Message("C4", "RZ100900604")));
        unknownCharset.Headers.ContentType = MediaTypeHeaderValue.Parse(Hl7Endpoints.MediaType + "; charset=x-klingon");
        using var notUtf8 =
            new ByteArrayContent(Encoding.Latin1.GetBytes(Message("C5", "RZ100900605").Replace("Alex", "Siân", StringComparison.Ordinal)));
        notUtf8.Headers.ContentType = MediaTypeHeaderValue.Parse(Hl7Endpoints.MediaType + "; charset=utf-8");

        var charset = await client.PostAsync(Hl7Endpoints.Path, unknownCharset);
        var invalid = await client.PostAsync(Hl7Endpoints.Path, notUtf8);
        var msh18 = await client.PostAsync(Hl7Endpoints.Path, Body(WithMsh18(Message("C6", "RZ100900606"), "ISO IR87")));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, charset.StatusCode);
        Assert.Contains("'x-klingon' cannot be read", await charset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("not valid in its declared character set (charset utf-8)", await invalid.Content.ReadAsStringAsync(),
            StringComparison.Ordinal);
        var ack = await msh18.Content.ReadAsStringAsync();
        Assert.Contains("MSA|AR|C6|", ack, StringComparison.Ordinal);
        Assert.Contains("MSH-18 names the character set 'ISO IR87'", ack, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MllpTakesFramedMessagesAndAnswersEachInTheSameFraming()
    {
        var endpoint = await app.Services.GetRequiredService<MllpListener>().Bound;
        Assert.NotNull(endpoint);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, endpoint!.Port);
        var stream = tcp.GetStream();

        // Two messages in one write, the second a resend of the first: two answers, one exam.
        var frame = Mllp.Frame(Message("L1", "RZ100900004"));
        await stream.WriteAsync(frame.Concat(frame).ToArray());
        var first = await ReadFrameAsync(stream);
        var second = await ReadFrameAsync(stream);

        Assert.Contains("MSA|AA|L1|", first, StringComparison.Ordinal);
        Assert.Equal(first, second);
        await using var db = app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContext();
        Assert.Equal(1, await db.Exams.CountAsync(e => e.Accession == Domain.Identifiers.AccessionNumber.FromTrusted("RZ100900004")));
        Assert.Equal("MLLP", (await db.InboundMessages.SingleAsync(m => m.ControlId == "L1")).Channel);
    }

    private static async Task<string> ReadFrameAsync(NetworkStream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await Mllp.ReadFrameAsync(stream, timeout.Token)
            ?? throw new IOException("The listener closed the connection without answering.");
    }

    /// <summary>The message with MSH-18 set (MSH-13 to MSH-17 left empty).</summary>
    private static string WithMsh18(string message, string msh18) =>
        msh18.Length == 0 ? message : message.Replace("|P|2.4\r", $"|P|2.4||||||{msh18}\r", StringComparison.Ordinal);

    private static StringContent Body(string message) => new(message, Encoding.UTF8, Hl7Endpoints.MediaType);

    /// <summary>An order for the demo network's first trust (RZ1, site RZ101), chest X-ray, outpatient.</summary>
    internal static string Message(string controlId, string accession, string status = "SC") =>
        $"MSH|^~\\&|RIS|RZ1|IW|NET|20261125093000||ORM^O01|{controlId}|P|2.4\r" +
        "PID|1||9434765919^^^NHS^NH~A99^^^RZ1^MR||Testpatient^Alex||19800101|M\r" +
        "PV1|1|O|^^^RZ101\r" +
        $"ORC|NW|P1|F1||{status}\r" +
        $"OBR|1|P1|F1|XCHES^XR Chest|R||20261125090000||||||Cough|||||{accession}\r";

    public sealed class App() : WorklistAppFactory(DatabaseProvider.Sqlite);
}
