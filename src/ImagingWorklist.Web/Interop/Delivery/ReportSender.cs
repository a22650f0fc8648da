using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using ImagingWorklist.Application.Delivery;
using ImagingWorklist.Application.Ingest;
using ImagingWorklist.Web.Interop.Fhir;
using ImagingWorklist.Web.Interop.Hl7v2;

namespace ImagingWorklist.Web.Interop.Delivery;

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
