using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using ImagingWorklist.Testing;
using ImagingWorklist.Web.Interop.Hl7v2;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Web.IntegrationTests.Interop.Hl7v2;

/// <summary>MLLP over TLS: with a certificate configured the listener answers only on an encrypted connection.</summary>
public sealed class MllpTlsTests : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("iw-mllp-tls-");
    private WorklistAppFactory _app = null!;
    private X509Certificate2 _certificate = null!;

    public Task InitializeAsync()
    {
        var path = TestCertificates.Write(_folder.FullName, "mllp", X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment);
        _certificate = X509CertificateLoader.LoadPkcs12FromFile(path, TestCertificates.Password);
        _app = new WorklistAppFactory(settings: new Dictionary<string, string?>
        {
            ["Hl7:MllpCertificate:Path"] = path,
            ["Hl7:MllpCertificate:Password"] = TestCertificates.Password,
        });
        _ = _app.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _certificate.Dispose();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task AnEncryptedConnectionIsAnsweredAndAPlainOneIsNot()
    {
        var endpoint = (await _app.Services.GetRequiredService<MllpListener>().Bound)!;

        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(IPAddress.Loopback, endpoint.Port);
            await using var tls =
                new SslStream(tcp.GetStream(), false, (_, presented, _, _) => presented is not null
                && presented.GetCertHashString() == _certificate.GetCertHashString());
            await tls.AuthenticateAsClientAsync("localhost");
            await tls.WriteAsync(Mllp.Frame(Hl7IngestEndpointTests.Message("TLS1", "RZ1TLS00001")));
            var ack = await ReadAsync(tls);
            Assert.Contains("MSA|AA|TLS1|", ack, StringComparison.Ordinal);
        }

        using var plain = new TcpClient();
        await plain.ConnectAsync(IPAddress.Loopback, endpoint.Port);
        var stream = plain.GetStream();
        await stream.WriteAsync(Mllp.Frame(Hl7IngestEndpointTests.Message("PLAIN1", "RZ1TLS00002")));
        var answer = await ReadAsync(stream);
        Assert.DoesNotContain("MSA|", answer, StringComparison.Ordinal);
    }

    private static async Task<string> ReadAsync(Stream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            return await Mllp.ReadFrameAsync(stream, timeout.Token) ?? string.Empty;
        }
        catch (IOException)
        {
            // The listener dropped a connection that would not speak TLS.
            return string.Empty;
        }
    }
}
