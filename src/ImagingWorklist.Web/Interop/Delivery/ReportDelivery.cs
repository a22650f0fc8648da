using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using ImagingWorklist.Application.Delivery;
using ImagingWorklist.Application.Ingest;
using ImagingWorklist.Web.Interop.Fhir;
using ImagingWorklist.Web.Interop.Hl7v2;

namespace ImagingWorklist.Web.Interop.Delivery;

public enum DeliveryTransport
{
    Mllp,
    Http,
}

public enum DeliveryFormat
{
    Hl7v2,
    Fhir,
}

/// <summary>Where one trust takes its reports: <c>Delivery:Endpoints:&lt;ODS code&gt;</c> with Transport, Address and Format.</summary>
public sealed record DeliveryEndpoint(DeliveryTransport Transport, string Address, DeliveryFormat Format)
{
    public override string ToString() => Transport == DeliveryTransport.Mllp ? $"MLLP {Address}" : $"{Format} over HTTP {Address}";

    /// <summary>The trust's endpoint, or why there is none (said so that an administrator knows which setting to add).</summary>
    public static (DeliveryEndpoint? Endpoint, string? Problem) For(DeliverySettings settings, string odsCode)
    {
        var section = settings.Endpoints.GetValueOrDefault(odsCode) ?? new DeliveryEndpointSettings();
        var address = section.Address;
        if (string.IsNullOrWhiteSpace(address))
        {
            return (null,
                $"No delivery endpoint is configured for trust {odsCode}: set Delivery:Endpoints:{odsCode}:Address (and Transport, " +
                    $"Format). The report waits here until one is.");
        }

        if (!Enum.TryParse<DeliveryTransport>(section.Transport ?? "Mllp", ignoreCase: true, out var transport))
        {
            return (null, $"Delivery:Endpoints:{odsCode}:Transport must be Mllp or Http, not '{section.Transport}'.");
        }

        if (!Enum.TryParse<DeliveryFormat>(section.Format ?? (transport == DeliveryTransport.Mllp ? "Hl7v2" : "Fhir"), ignoreCase: true,
            out var format)
            || (transport == DeliveryTransport.Mllp && format != DeliveryFormat.Hl7v2))
        {
            return (null, $"Delivery:Endpoints:{odsCode}:Format must be Hl7v2 or Fhir (MLLP carries Hl7v2 only), not '{section.Format}'.");
        }

        if (transport == DeliveryTransport.Http && !Uri.TryCreate(address, UriKind.Absolute, out _))
        {
            return (null, $"Delivery:Endpoints:{odsCode}:Address must be an absolute http(s) URL for HTTP delivery, not '{address}'.");
        }

        if (transport == DeliveryTransport.Mllp && !TryHostPort(address, out _, out _))
        {
            return (null, $"Delivery:Endpoints:{odsCode}:Address must be host:port for MLLP delivery, not '{address}'.");
        }

        return (new DeliveryEndpoint(transport, address.Trim(), format), null);
    }

    internal static bool TryHostPort(string address, out string host, out int port)
    {
        var colon = address.LastIndexOf(':');
        host = colon > 0 ? address[..colon].Trim('[', ']') : string.Empty;
        return int.TryParse(colon > 0 ? address[(colon + 1)..] : string.Empty, out port) && port is > 0 and < 65536 && host.Length > 0;
    }
}

/// <summary>
/// Delivers the report outbox: every few seconds it takes the due rows, has <see cref="ReportSender"/> send each, and
/// records the answer. Anything but an HL7 AA/CA or an HTTP 2xx is a failure that is retried with back-off; nothing
/// is dropped.
/// </summary>
internal sealed class ReportDelivery(DeliveryOutbox outbox, ReportSender sender, DeliverySettings settings, TimeProvider clock,
    ILogger<ReportDelivery> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = settings.PollInterval;
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var row in await outbox.TakeDueAsync(20, stoppingToken))
                {
                    var attempt = await sender.AttemptAsync(row, stoppingToken);
                    await outbox.RecordAsync(row.Id, attempt, stoppingToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A database outage must not stop delivery for good: held rows unlock themselves and the next tick retries.
                logger.LogError(exception, "Report delivery pass failed");
            }
        }
    }
}

/// <summary>
/// Sends one outbox row to its trust's endpoint: renders the snapshot (HL7 v2 ORU^R01 over MLLP or HTTP, or a FHIR
/// DiagnosticReport over HTTP), sends it and judges the answer.
/// </summary>
internal sealed class ReportSender(IHttpClientFactory http, DeliverySettings settings, TimeProvider clock)
{
    public const string HttpClientName = "report-delivery";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    internal async Task<DeliveryAttempt> AttemptAsync(DueReport row, CancellationToken cancellationToken)
    {
        ReportDocument document;
        try
        {
            document = ReportDocument.FromJson(row.Document);
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or InvalidDataException)
        {
            return DeliveryAttempt.Failure(null, $"The stored report could not be read ({exception.Message}); report this to support.");
        }

        var (endpoint, problem) = DeliveryEndpoint.For(settings, document.TrustOdsCode);
        if (endpoint is null)
        {
            return DeliveryAttempt.Failure(null, problem!);
        }

        var controlId = $"IW{row.Id:N}"[..20];
        var body = endpoint.Format == DeliveryFormat.Fhir
            ? FhirReports.ToJson(FhirReports.Build(document))
            : Hl7ReportMessage.Build(document, controlId, clock.GetUtcNow());
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            return endpoint.Transport == DeliveryTransport.Mllp
                ? await SendMllpAsync(endpoint, body, timeout.Token)
                : await SendHttpAsync(endpoint, body, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryAttempt.Failure(endpoint.ToString(), $"No answer from {endpoint} within {Timeout.TotalSeconds:0} s.");
        }
        catch (Exception exception) when (exception is IOException or SocketException or HttpRequestException)
        {
            return DeliveryAttempt.Failure(endpoint.ToString(), $"Could not reach {endpoint}: {exception.Message}");
        }
    }

    private static async Task<DeliveryAttempt> SendMllpAsync(DeliveryEndpoint endpoint, string message, CancellationToken cancellationToken)
    {
        DeliveryEndpoint.TryHostPort(endpoint.Address, out var host, out var port);
        using var client = new TcpClient();
        await client.ConnectAsync(host, port, cancellationToken);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Mllp.Frame(message), cancellationToken);
        var answer = await Mllp.ReadFrameAsync(stream, cancellationToken);
        if (answer is null)
        {
            return DeliveryAttempt.Failure(endpoint.ToString(), $"{endpoint} closed the connection without an acknowledgement.");
        }

        return Judge(endpoint, answer);
    }

    private async Task<DeliveryAttempt> SendHttpAsync(DeliveryEndpoint endpoint, string body, CancellationToken cancellationToken)
    {
        var client = http.CreateClient(HttpClientName);
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType =
            new MediaTypeHeaderValue(endpoint.Format == DeliveryFormat.Fhir ? FhirEndpoints.MediaType
            : Hl7Endpoints.MediaType) { CharSet = "utf-8" };
        var address = endpoint.Format == DeliveryFormat.Fhir ? endpoint.Address.TrimEnd('/') + "/DiagnosticReport" : endpoint.Address;
        using var response = await client.PostAsync(new Uri(address), content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var status = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        if (!response.IsSuccessStatusCode)
        {
            return DeliveryAttempt.Failure(endpoint.ToString(), $"{endpoint} refused the report: {status}. {Truncate(text)}", status);
        }

        return endpoint.Format == DeliveryFormat.Hl7v2 ? Judge(endpoint, text) : DeliveryAttempt.Success(endpoint.ToString(), status);
    }

    /// <summary>AA or CA delivers; AE, AR or anything unreadable is a failure that names what the receiver said.</summary>
    private static DeliveryAttempt Judge(DeliveryEndpoint endpoint, string ack)
    {
        var parsed = Hl7Message.Parse(ack);
        if (!parsed.Succeeded || !parsed.Value!.Has("MSA"))
        {
            return DeliveryAttempt.Failure(endpoint.ToString(), $"{endpoint} answered with something that is not an HL7 acknowledgement.",
                Truncate(ack));
        }

        var message = parsed.Value;
        var code = message.Value("MSA", 1);
        if (code is Hl7Ack.Accept or "CA")
        {
            return DeliveryAttempt.Success(endpoint.ToString(), ack);
        }

        var why = message.Value("MSA", 3) is { Length: > 0 } text ? text : message.Value("ERR", 8);
        return DeliveryAttempt.Failure(endpoint.ToString(), $"{endpoint} answered {code}: {(why.Length > 0 ? why : "no reason given")}",
            ack);
    }

    private static string Truncate(string text) => text.Length > 500 ? text[..500] + "…" : text;
}
