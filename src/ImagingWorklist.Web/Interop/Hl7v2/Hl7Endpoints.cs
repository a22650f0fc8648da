using System.Security.Claims;
using System.Text;
using ImagingWorklist.Application.Ingest;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Web.Security;
using Microsoft.Net.Http.Headers;

namespace ImagingWorklist.Web.Interop.Hl7v2;

/// <summary>HL7 v2 over HTTP: POST one ER7-encoded message, get its ACK back (always 200 once stored; MSA-1 says how it went).</summary>
internal static class Hl7Endpoints
{
    public const string Path = "/api/hl7v2";
    public const string MediaType = "x-application/hl7-v2+er7";
    public const int MaxMessageBytes = 1 << 20;

    private static readonly string[] Accepted = [MediaType, "application/hl7-v2", "text/plain"];

    public static WebApplication MapHl7Endpoints(this WebApplication app)
    {
        // A text body from a bearer-token client, never a browser form: no antiforgery token applies.
        app.MapPost(Path, ReceiveAsync).RequireAuthorization(WorklistPolicies.Ingest).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, ClaimsPrincipal user, Hl7Ingest ingest,
        CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType is null || !Accepted.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return Results.Text($"Send one HL7 v2 message as {MediaType} (or text/plain).",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (request.ContentLength > MaxMessageBytes)
        {
            return Results.Text($"A message may be at most {MaxMessageBytes / 1024} KB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        Encoding? declared = null;
        var charset = MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) ? contentType.Charset.Value : null;
        if (!string.IsNullOrWhiteSpace(charset) && (declared = Hl7Charsets.OfHttpCharset(charset)) is null)
        {
            return Results.Text(
                $"The charset '{StoredText.Echo(charset)}' cannot be read here; send the message as {Hl7Charsets.Supported}.",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        // Read in small pieces, so an oversized body without a Content-Length is refused without holding it all.
        using var body = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (body.Length + read > MaxMessageBytes)
            {
                return Results.Text($"A message may be at most {MaxMessageBytes / 1024} KB.",
                    statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            body.Write(chunk, 0, read);
        }

        var bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
        // Decoded once: by the declared charset when there is one, else as MLLP reads it (MSH-18, then the default).
        var (text, problem) = declared is null ? (Mllp.Decode(bytes), null) : Hl7Charsets.Decode(bytes, declared, $"charset {charset}");
        if (problem is not null)
        {
            return Results.Text(problem, statusCode: StatusCodes.Status400BadRequest);
        }

        var source = $"{user.Identity?.Name ?? "client"}@{request.HttpContext.Connection.RemoteIpAddress}";
        var outcome = await ingest.ReceiveAsync(text!, "HTTP", source, user.AccessScope(), cancellationToken);
        if (outcome.Unprocessed)
        {
            // Not processed now: the ACK (AE) says why, and 503 with Retry-After tells an HTTP client to send it again.
            request.HttpContext.Response.Headers.RetryAfter = "5";
            return Results.Text(outcome.Ack, MediaType, Encoding.UTF8, StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Text(outcome.Ack, MediaType, Encoding.UTF8);
    }
}
