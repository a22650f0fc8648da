using System.Net;
using System.Net.Sockets;
using System.Text;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using ImagingWorklist.Web.Interop.Hl7v2;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Web.IntegrationTests.Interop.Hl7v2;

/// <summary>
/// Realistic and malformed HL7 over a real loopback MLLP socket: every framed message gets the right answer, nothing
/// crashes the listener, and every message that was answered is stored.
/// </summary>
public sealed class MllpCorpusTests(MllpCorpusTests.App app) : IClassFixture<MllpCorpusTests.App>
{
    public static TheoryData<string, string, string> Corpus() => new()
    {
        // Vendor styles: LF line ends, a Z-segment, OMI with IPC, v2.3 with OBR-27 priority, trailing empty fields.
        { "lf-line-ends", Order("C1", "RZ1C0000001").Replace('\r', '\n'), "AA" },
        { "z-segment", Order("C2", "RZ1C0000002") + "ZDS|1.2.826.0.1.3680043.8.498.2^100^Application^DICOM\r", "AA" },
        { "omi-ipc", Order("C3", "RZ1C0000003")
            .Replace("ORM^O01", "OMI^O23", StringComparison.Ordinal) + "IPC|RZ1C0000003||1.2.826.0.1.3680043.8.498.3\r", "AA" },
        { "trailing-fields", Order("C4", "RZ1C0000004").Replace("PV1|1|O|^^^RZ101", "PV1|1|O|^^^RZ101||||||||", StringComparison.Ordinal),
            "AA" },
        { "latin1-name", Order("C5", "RZ1C0000005").Replace("Testpatient", "Zoë", StringComparison.Ordinal), "AA" },

        // Malformed.
        { "no-msh", "PID|1||A1\rOBR|1\r", "AR" },
        { "wrong-delimiters", "MSH|^^^^|RIS|RZ1|IW|NET|20261125||ORM^O01|C6|P|2.4\r", "AR" },
        { "invalid-birth", Order("C7", "RZ1C0000007").Replace("19800101", "19801301", StringComparison.Ordinal), "AE" },
        { "invalid-observation-time", Order("C8", "RZ1C0000008").Replace("20261125090000", "2026-11-25 09:00", StringComparison.Ordinal),
            "AE" },
        { "invalid-nhs-number", Order("C9", "RZ1C0000009").Replace("9434765919", "1234567890", StringComparison.Ordinal), "AA" },
        { "unknown-trust", Order("C10", "XXX00000010").Replace("|RIS|RZ1|", "|RIS|XXX|", StringComparison.Ordinal), "AR" },
        { "truncated", Order("C11", "RZ1C0000011")[..150], "AE" },
        { "no-control-id", Order(string.Empty, "RZ1C0000012"), "AR" },
        { "old-version", Order("C13", "RZ1C0000013").Replace("|P|2.4", "|P|2.1", StringComparison.Ordinal), "AR" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task EveryMessageGetsTheRightAnswerAndIsStored(string name, string message, string expected)
    {
        var bytes = name == "latin1-name" ? Encoding.Latin1.GetBytes(message) : Encoding.UTF8.GetBytes(message);

        var ack = await SendAsync(bytes);

        Assert.Equal(expected, MsaCode(ack));
        await using var db = app.Services.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContext();
        Assert.Contains(await db.InboundMessages.Where(m => m.Channel == "MLLP").Select(m => m.Raw).ToListAsync(),
            raw => raw.Replace('\n', '\r')
            .StartsWith(message.Replace('\n', '\r')[..Math.Min(40, message.Length)], StringComparison.Ordinal));
        if (name == "latin1-name")
        {
            Assert.Contains(await db.Exams.Select(e => e.Patient.FamilyName).ToListAsync(), n => n == "Zoë");
        }
    }

    [Fact]
    public async Task BadFramingAndOversizedMessagesDoNotStopTheListener()
    {
        var endpoint = (await app.Services.GetRequiredService<MllpListener>().Bound)!;

        // Noise outside frames, a frame closed without being opened, then an oversized frame: answered AR, then closed.
        using (var noisy = new TcpClient())
        {
            await noisy.ConnectAsync(IPAddress.Loopback, endpoint.Port);
            var stream = noisy.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("hello\r\x1c\r"));
            var header = Encoding.ASCII.GetBytes(Order("BIG1", "RZ1BIG00001").Split('\r')[0] + "\r");
            var huge = new byte[Hl7Endpoints.MaxMessageBytes + 10];
            Array.Fill(huge, (byte)'A');
            await stream.WriteAsync((byte[])[0x0B, .. header, .. huge, 0x1C, 0x0D]);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));

            var answer = await Mllp.ReadFrameAsync(stream, wait.Token) ?? string.Empty;

            Assert.Equal("AR", MsaCode(answer));
            Assert.Contains("MSA|AR|BIG1|", answer, StringComparison.Ordinal);
            Assert.Contains($"larger than {Hl7Endpoints.MaxMessageBytes:N0} bytes", answer, StringComparison.Ordinal);
            var rest = new List<byte>();
            var buffer = new byte[16];
            for (int read; (read = await stream.ReadAsync(buffer, wait.Token)) > 0;)
            {
                rest.AddRange(buffer[..read]);
            }

            Assert.Equal([(byte)0x0D], rest);
        }

        var ack = await SendAsync(Encoding.UTF8.GetBytes(Order("F1", "RZ1F0000001")));

        Assert.Equal("AA", MsaCode(ack));
    }

    private async Task<string> SendAsync(byte[] message)
    {
        var endpoint = (await app.Services.GetRequiredService<MllpListener>().Bound)!;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, endpoint.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync((byte[])[0x0B, .. message, 0x1C, 0x0D]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await Mllp.ReadFrameAsync(stream, timeout.Token) ?? string.Empty;
    }

    private static string MsaCode(string ack) =>
        ack.Split('\r').First(s => s.StartsWith("MSA|", StringComparison.Ordinal)).Split('|')[1];

    private static string Order(string controlId, string accession) => Hl7IngestEndpointTests.Message(controlId, accession);

    public sealed class App() : WorklistAppFactory(DatabaseProvider.Sqlite);
}
