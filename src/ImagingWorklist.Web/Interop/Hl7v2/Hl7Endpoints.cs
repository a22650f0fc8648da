using System.Security.Claims;
using System.Text;
using ImagingWorklist.Application.Ingest;
using ImagingWorklist.Web.Security;

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

    private static async Task<IResult> ReceiveAsync(HttpRequest request, ClaimsPrincipal user, Hl7Ingest ingest, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType is null || !Accepted.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return Results.Text($"Send one HL7 v2 message as {MediaType} (or text/plain).", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (request.ContentLength > MaxMessageBytes)
        {
            return Results.Text($"A message may be at most {MaxMessageBytes / 1024} KB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        // Read in small pieces, so an oversized body without a Content-Length is refused without holding it all.
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = new StringBuilder();
        var chunk = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (text.Length + read > MaxMessageBytes)
            {
                return Results.Text($"A message may be at most {MaxMessageBytes / 1024} KB.", statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            text.Append(chunk, 0, read);
        }

        var source = $"{user.Identity?.Name ?? "client"}@{request.HttpContext.Connection.RemoteIpAddress}";
        var outcome = await ingest.ReceiveAsync(text.ToString(), "HTTP", source, user.AccessScope(), cancellationToken);
        return Results.Text(outcome.Ack, MediaType, Encoding.UTF8);
    }
}
