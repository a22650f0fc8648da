using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using ImagingWorklist.Application.Research;
using ImagingWorklist.Domain.Research;
using ImagingWorklist.Web.Security;

namespace ImagingWorklist.Web.Interop.Fhir;

/// <summary>
/// FHIR Bulk Data Access (v2) export of an approved research request, the request being the Group: kick-off at
/// <c>GET /fhir/Group/{request}/$export</c> with <c>Prefer: respond-async</c> → 202 and a status URL in Content-Location;
/// the status answers 202 with X-Progress while the extract is built, then 200 with the manifest of NDJSON files; the
/// files need the same token. A token carries one request's scope and reaches that request only. Every parameter this
/// server does not support is refused by name, never ignored.
/// </summary>
internal static class FhirBulkData
{
    public static readonly string[] Types = ["Patient", "ImagingStudy", "DiagnosticReport"];
    private static readonly string[] OutputFormats = [FhirResearchExtract.NdjsonType, "application/ndjson", "ndjson"];
    private static readonly string[] Parameters = ["_type", "_outputFormat"];

    public static WebApplication MapFhirBulkData(this WebApplication app)
    {
        var fhir = app.MapGroup("/fhir").RequireAuthorization(WorklistPolicies.BulkData);
        fhir.MapGet("/Group/{id}/$export", KickOffAsync);
        fhir.MapGet("/bulkstatus/{id}", StatusAsync);
        fhir.MapDelete("/bulkstatus/{id}", DeleteAsync);
        fhir.MapGet("/bulkfiles/{id}/{name}", FileAsync);
        return app;
    }

    private static async Task<IResult> KickOffAsync(string id, HttpContext context, ResearchExtracts extracts,
        CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!request.Headers["Prefer"].Any(p => p?.Contains("respond-async", StringComparison.OrdinalIgnoreCase) == true))
        {
            return FhirEndpoints.Problem(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Required,
                "An export runs asynchronously: send the header 'Prefer: respond-async'.");
        }

        var unsupported = request.Query.Keys.Where(k => !Parameters.Contains(k, StringComparer.Ordinal)).ToList();
        if (unsupported.Count > 0)
        {
            return FhirEndpoints.Problem(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.NotSupported,
                $"This server does not support {string.Join(", ", unsupported.Select(Shown))} on $export; " +
                "it supports _type and _outputFormat.");
        }

        if (request.Query["_outputFormat"].Any(f => !OutputFormats.Contains(f, StringComparer.OrdinalIgnoreCase)))
        {
            return FhirEndpoints.Problem(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.NotSupported,
                $"_outputFormat must be {FhirResearchExtract.NdjsonType}.");
        }

        if (TypesOf(request) is not { } types)
        {
            return FhirEndpoints.Problem(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.NotSupported,
                $"_type may name {string.Join(", ", Types)}.");
        }

        var caller = Caller(context.User);
        if (!Guid.TryParse(id, out var requestId) || caller.OnlyRequest != requestId)
        {
            return FhirEndpoints.Problem(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound,
                $"No Group {Shown(id)} that this token may export: a token reaches the one request it was issued for.");
        }

        var started = await extracts.StartAsync(requestId, caller, cancellationToken);
        if (!started.Succeeded)
        {
            var busy = started.Reason!.Contains("already being built", StringComparison.Ordinal);
            return FhirEndpoints.Problem(busy ? StatusCodes.Status429TooManyRequests : StatusCodes.Status403Forbidden,
                busy ? OperationOutcome.IssueType.Throttled : OperationOutcome.IssueType.Forbidden, started.Reason);
        }

        var status = $"{Base(request)}/fhir/bulkstatus/{started.Value:N}" +
            (types.Count < Types.Length ? $"?_type={string.Join(',', types)}" : string.Empty);
        context.Response.Headers.ContentLocation = status;
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> StatusAsync(string id, HttpContext context, ResearchExtracts extracts,
        CancellationToken cancellationToken)
    {
        var extract = Guid.TryParse(id, out var extractId) ? await extracts.GetAsync(extractId, Caller(context.User), cancellationToken)
            : null;
        if (extract is null)
        {
            return FhirEndpoints.Problem(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound,
                $"No export {Shown(id)} that this token may see.");
        }

        switch (extract.Status)
        {
            case ExtractStatus.Building:
                context.Response.Headers["X-Progress"] = extract.Total == 0
                    ? "Selecting the cohort"
                    : $"Read {extract.Done} of {extract.Total} exams ({extract.Progress.ToString("P0", CultureInfo.InvariantCulture)})";
                context.Response.Headers.RetryAfter = "2";
                return Results.StatusCode(StatusCodes.Status202Accepted);
            case ExtractStatus.Failed:
                return FhirEndpoints.Problem(StatusCodes.Status500InternalServerError, OperationOutcome.IssueType.Exception,
                    extract.Error ?? "The export failed.");
        }

        var types = TypesOf(context.Request) ?? [.. Types];
        var output = new JsonArray();
        foreach (var file in types.SelectMany(t => extract.Files.Where(f => f.ResourceType == t)))
        {
            output.Add(new JsonObject
            {
                ["type"] = file.ResourceType,
                ["url"] = $"{Base(context.Request)}/fhir/bulkfiles/{extract.Id:N}/{file.Name}",
                ["count"] = file.Count,
            });
        }

        var manifest = new JsonObject
        {
            ["transactionTime"] = (extract.FinishedAt ?? extract.StartedAt).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz",
                CultureInfo.InvariantCulture),
            ["request"] = $"{Base(context.Request)}/fhir/Group/{extract.RequestId:N}/$export",
            ["requiresAccessToken"] = true,
            ["output"] = output,
            ["error"] = new JsonArray(),
        };
        return Results.Text(manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = false }), "application/json");
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext context, ResearchExtracts extracts,
        CancellationToken cancellationToken)
    {
        var deleted = Guid.TryParse(id, out var extractId)
            ? await extracts.DeleteAsync(extractId, Caller(context.User), cancellationToken)
            : Domain.Common.Outcome.Rejected($"No export {Shown(id)} that this token may see.");
        return deleted.Succeeded
            ? Results.StatusCode(StatusCodes.Status202Accepted)
            : FhirEndpoints.Problem(deleted.Reason!.Contains("still being built", StringComparison.Ordinal) ? StatusCodes.Status409Conflict
                : StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, deleted.Reason);
    }

    private static async Task<IResult> FileAsync(string id, string name, HttpContext context, ResearchExtracts extracts,
        CancellationToken cancellationToken)
    {
        var file = Guid.TryParse(id, out var extractId)
            ? await extracts.FileAsync(extractId, name, Caller(context.User), cancellationToken)
            : Domain.Common.Outcome<ExtractFileContent>.Rejected($"No export {Shown(id)} that this token may see.");
        return file.Succeeded
            ? Results.File(file.Value!.Content, file.Value.ContentType, file.Value.Name)
            : FhirEndpoints.Problem(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, file.Reason!);
    }

    /// <summary>The resource types asked for (all when _type is absent); null when one is not served here.</summary>
    private static List<string>? TypesOf(HttpRequest request)
    {
        var asked = request.Query["_type"].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal).ToList();
        if (asked.Count == 0)
        {
            return [.. Types];
        }

        return asked.All(t => Types.Contains(t, StringComparer.Ordinal)) ? [.. Types.Where(asked.Contains)] : null;
    }

    private static ResearchCaller Caller(ClaimsPrincipal user) =>
        new(user.Actor("FHIR Bulk Data"), false, WorklistScopes.ResearchRequest(user));

    private static string Base(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static string Shown(string text) =>
        text.Length > 60 ? $"'{text[..60]}…'" : $"'{text.Replace("\0", "\\0", StringComparison.Ordinal)}'";
}
