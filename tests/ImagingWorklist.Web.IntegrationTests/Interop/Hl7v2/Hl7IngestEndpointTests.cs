using System.Net;
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
        var person = await (await SignIn.AsAsync(app, "admin", followRedirects: false)).PostAsync(Hl7Endpoints.Path, Body(Message("H3", "RZ100900003")));

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
        return await Mllp.ReadFrameAsync(stream, timeout.Token) ?? throw new IOException("The listener closed the connection without answering.");
    }

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
