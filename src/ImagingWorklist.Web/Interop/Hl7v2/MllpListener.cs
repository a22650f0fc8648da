using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using ImagingWorklist.Application.Ingest;
using ImagingWorklist.Application.Security;

namespace ImagingWorklist.Web.Interop.Hl7v2;

/// <summary>
/// HL7 v2 over MLLP (a message between 0x0B and 0x1C 0x0D on a TCP connection): each message goes to the same ingest
/// as HTTP and its ACK goes back in the same framing. MLLP has no authentication of its own, so the listener binds to
/// Hl7:MllpAddress (loopback unless configured) and accepts only peers in Hl7:MllpAllowedPeers when that is set; the
/// sending facility must still be a trust of the network. With Hl7:MllpCertificate:Path set it speaks only TLS.
/// Hl7:MllpPort -1 turns it off; 0 takes any free port.
/// </summary>
internal sealed class MllpListener(Hl7Ingest ingest, Hl7Settings settings, TimeProvider clock, ILogger<MllpListener> logger)
    : BackgroundService
{
    private readonly TaskCompletionSource<IPEndPoint?> _bound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Where it listens once started (null when turned off).</summary>
    public Task<IPEndPoint?> Bound => _bound.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var port = settings.MllpPort;
        if (port < 0)
        {
            _bound.TrySetResult(null);
            return;
        }

        var address = IPAddress.Parse(settings.MllpAddress);
        var allowed = settings.AllowedPeers();
        var listener = new TcpListener(address, port);
        try
        {
            listener.Start();
        }
        catch (SocketException exception)
        {
            logger.LogError(exception, "HL7 MLLP listener could not bind {Address}:{Port}; HL7 over HTTP ({Path}) still works", address,
                port, Hl7Endpoints.Path);
            _bound.TrySetResult(null);
            return;
        }

        var certificate = TlsCertificate();
        var endpoint = (IPEndPoint)listener.LocalEndpoint;
        _bound.TrySetResult(endpoint);
        logger.LogInformation("HL7 MLLP listening on {Endpoint}{Tls}", endpoint, certificate is null ? string.Empty : " (TLS)");
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stoppingToken);
                var peer = (IPEndPoint)client.Client.RemoteEndPoint!;
                if (allowed.Count > 0
                    && !allowed.Any(n => n.Contains(peer.Address.IsIPv4MappedToIPv6 ? peer.Address.MapToIPv4() : peer.Address)))
                {
                    logger.LogWarning("HL7 MLLP connection from {Peer} refused: not in Hl7:MllpAllowedPeers", peer.Address);
                    client.Dispose();
                    continue;
                }

                _ = ServeAsync(client, peer, certificate, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>With Hl7:MllpCertificate:Path (PKCS#12) set, every connection must speak TLS (MLLP over TLS, as IHE describes).</summary>
    private X509Certificate2? TlsCertificate()
    {
        var path = settings.MllpCertificate.Path;
        return string.IsNullOrWhiteSpace(path)
            ? null
            : X509CertificateLoader.LoadPkcs12FromFile(path, settings.MllpCertificate.Password, X509KeyStorageFlags.EphemeralKeySet);
    }

    private async Task ServeAsync(TcpClient client, IPEndPoint peer, X509Certificate2? certificate, CancellationToken stoppingToken)
    {
        using var connection = client;
        Stream stream = client.GetStream();
        if (certificate is not null)
        {
            var tls = new SslStream(stream, leaveInnerStreamOpen: false);
            try
            {
                using var handshake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                handshake.CancelAfter(TimeSpan.FromSeconds(30));
                await tls.AuthenticateAsServerAsync(
                    new SslServerAuthenticationOptions { ServerCertificate = certificate,
                    EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 }, handshake.Token);
            }
            catch (Exception exception) when (exception is AuthenticationException or IOException or OperationCanceledException)
            {
                logger.LogWarning("HL7 MLLP connection from {Peer} refused: the TLS handshake failed ({Reason})", peer, exception.GetType()
                    .Name);
                await tls.DisposeAsync();
                return;
            }

            stream = tls;
        }

        await using var _ = stream;
        var frames = new MllpFrameReader();
        var buffer = new byte[8192];
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                idle.CancelAfter(TimeSpan.FromMinutes(10));
                var read = await stream.ReadAsync(buffer, idle.Token);
                if (read == 0)
                {
                    return;
                }

                for (var i = 0; i < read; i++)
                {
                    var step = frames.Push(buffer[i], out var text);
                    if (step == MllpRead.Message)
                    {
                        var outcome = await ingest.ReceiveAsync(text!, "MLLP", peer.ToString(), AccessScope.WholeNetwork, stoppingToken);
                        await stream.WriteAsync(Mllp.Frame(outcome.Ack), stoppingToken);
                    }
                    else if (step == MllpRead.TooLarge)
                    {
                        // Answered, so the sender's log says why, then closed: it was not stored, and a resend is as large.
                        logger.LogWarning("HL7 MLLP message from {Peer} exceeded {Limit} bytes; answered AR and closed", peer,
                            frames.MaxBytes);
                        await stream.WriteAsync(Mllp.Frame(TooLarge(text!, frames.MaxBytes)), stoppingToken);
                        return;
                    }
                }
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or SocketException)
        {
            logger.LogInformation("HL7 MLLP connection from {Peer} ended: {Reason}", peer, exception.GetType().Name);
        }
    }

    private string TooLarge(string header, int limit)
    {
        var now = clock.GetUtcNow();
        return Hl7Ack.Build(
            Hl7Message.Parse(header).Value,
            Hl7Ack.Reject,
            $"The message is larger than {limit:N0} bytes, the most this interface takes; it was not stored. Send it in smaller messages.",
            [],
            now,
            $"IW{now.UtcDateTime:yyyyMMddHHmmssfff}");
    }
}
