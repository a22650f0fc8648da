using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using ImagingWorklist.Application.Ingest;
using ImagingWorklist.Application.Security;

namespace ImagingWorklist.Web.Integration;

/// <summary>
/// HL7 v2 over MLLP (a message between 0x0B and 0x1C 0x0D on a TCP connection): each message goes to the same ingest
/// as HTTP and its ACK goes back in the same framing. MLLP has no authentication of its own, so the listener binds to
/// Hl7:MllpAddress (loopback unless configured) and accepts only peers in Hl7:MllpAllowedPeers when that is set; the
/// sending facility must still be a trust of the network. With Hl7:MllpCertificate:Path set it speaks only TLS.
/// Hl7:MllpPort -1 turns it off; 0 takes any free port.
/// </summary>
internal sealed class MllpListener(Hl7Ingest ingest, Hl7Settings settings, ILogger<MllpListener> logger) : BackgroundService
{
    private const byte Start = 0x0B;
    private const byte End = 0x1C;
    private const byte Return = 0x0D;

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
            logger.LogError(exception, "HL7 MLLP listener could not bind {Address}:{Port}; HL7 over HTTP ({Path}) still works", address, port, Hl7Endpoints.Path);
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
                if (allowed.Count > 0 && !allowed.Any(n => n.Contains(peer.Address.IsIPv4MappedToIPv6 ? peer.Address.MapToIPv4() : peer.Address)))
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
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate, EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 }, handshake.Token);
            }
            catch (Exception exception) when (exception is AuthenticationException or IOException or OperationCanceledException)
            {
                logger.LogWarning("HL7 MLLP connection from {Peer} refused: the TLS handshake failed ({Reason})", peer, exception.GetType().Name);
                await tls.DisposeAsync();
                return;
            }

            stream = tls;
        }

        await using var _ = stream;
        var frame = new MemoryStream();
        var inFrame = false;
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
                    var b = buffer[i];
                    if (b == Start)
                    {
                        frame.SetLength(0);
                        inFrame = true;
                    }
                    else if (b == End && inFrame)
                    {
                        inFrame = false;
                        var text = Decode(frame.GetBuffer().AsSpan(0, (int)frame.Length));
                        var ack = await ingest.ReceiveAsync(text, "MLLP", peer.ToString(), AccessScope.WholeNetwork, stoppingToken);
                        await stream.WriteAsync(Frame(ack), stoppingToken);
                    }
                    else if (inFrame)
                    {
                        if (frame.Length >= Hl7Endpoints.MaxMessageBytes)
                        {
                            logger.LogWarning("HL7 MLLP message from {Peer} exceeded {Limit} bytes; connection closed", peer, Hl7Endpoints.MaxMessageBytes);
                            return;
                        }

                        frame.WriteByte(b);
                    }

                    // Bytes outside a frame (the trailing carriage return, keep-alive noise) are ignored.
                }
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or SocketException)
        {
            logger.LogInformation("HL7 MLLP connection from {Peer} ended: {Reason}", peer, exception.GetType().Name);
        }
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8; otherwise ISO 8859-1, HL7 v2's usual 8-bit character set, so no byte is lost.</summary>
    internal static string Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads one framed message (what a peer answers); null if the peer closes first. Bounded like inbound frames.</summary>
    public static async Task<string?> ReadFrameAsync(Stream stream, CancellationToken cancellationToken)
    {
        var frame = new MemoryStream();
        var inFrame = false;
        var one = new byte[1];
        while (await stream.ReadAsync(one, cancellationToken) == 1)
        {
            if (one[0] == Start)
            {
                frame.SetLength(0);
                inFrame = true;
            }
            else if (one[0] == End && inFrame)
            {
                return Decode(frame.GetBuffer().AsSpan(0, (int)frame.Length));
            }
            else if (inFrame)
            {
                if (frame.Length >= Hl7Endpoints.MaxMessageBytes)
                {
                    throw new IOException($"The answer exceeded {Hl7Endpoints.MaxMessageBytes} bytes.");
                }

                frame.WriteByte(one[0]);
            }
        }

        return null;
    }

    public static byte[] Frame(string message)
    {
        var body = Encoding.UTF8.GetBytes(message);
        var framed = new byte[body.Length + 3];
        framed[0] = Start;
        body.CopyTo(framed, 1);
        framed[^2] = End;
        framed[^1] = Return;
        return framed;
    }
}
