using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Workitems;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Web.Security;

namespace ImagingWorklist.Web.Interop.DicomWeb;

/// <summary>
/// DICOMweb UPS-RS (PS3.18 chapter 11) under /dicomweb/workitems: the standard shape of a reporting worklist for
/// workstations and other systems. Live events: the UPS-RS WebSocket channel (UpsEvents) or the SignalR hub at /hubs/worklist.
/// </summary>
internal static class UpsEndpoints
{
    private static readonly Dictionary<string, string> QueryKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ProcedureStepState"] = DicomJson.ProcedureStepState,
        [DicomJson.ProcedureStepState] = DicomJson.ProcedureStepState,
        ["ScheduledProcedureStepPriority"] = DicomJson.Priority,
        [DicomJson.Priority] = DicomJson.Priority,
        ["AccessionNumber"] = DicomJson.AccessionNumber,
        [DicomJson.AccessionNumber] = DicomJson.AccessionNumber,
        ["PatientID"] = DicomJson.PatientId,
        [DicomJson.PatientId] = DicomJson.PatientId,
        ["ProcedureStepLabel"] = DicomJson.ProcedureStepLabel,
        [DicomJson.ProcedureStepLabel] = DicomJson.ProcedureStepLabel,
    };

    private static readonly string[] IgnoredKeys = ["limit", "offset", "includefield", "fuzzymatching"];

    public static WebApplication MapUpsEndpoints(this WebApplication app)
    {
        // JSON bodies only (checked below), so no browser form can post here cross-site: no antiforgery token needed.
        var workitems = app.MapGroup("/dicomweb/workitems").DisableAntiforgery();
        workitems.MapGet("", SearchAsync).RequireAuthorization(WorklistPolicies.WorklistRead);
        workitems.MapGet("/{uid}", RetrieveAsync).RequireAuthorization(WorklistPolicies.WorklistRead);
        workitems.MapPut("/{uid}/state", ChangeStateAsync).RequireAuthorization(WorklistPolicies.WorklistClaim);
        workitems.MapPost("/{uid}/cancelrequest", RequestCancellationAsync).RequireAuthorization(WorklistPolicies.CancelRequest);

        // Subscriptions and the WebSocket event channel; the service is made now so it hears every change from the start.
        app.Services.GetRequiredService<UpsEvents>();
        UpsEvents.Map(app);
        return app;
    }

    private static async Task<IResult> SearchAsync(HttpRequest request, ClaimsPrincipal user, WorkitemService workitems,
        CancellationToken cancellationToken)
    {
        var matching = new Dictionary<string, string>();
        foreach (var (key, values) in request.Query)
        {
            if (values.Count > 1)
            {
                return Refuse(StatusCodes.Status400BadRequest,
                    $"'{StoredText.Echo(key)}' is given {values.Count} times; give each key once.");
            }

            if (QueryKeys.TryGetValue(key, out var tag))
            {
                if (!matching.TryAdd(tag, values.ToString()))
                {
                    return Refuse(StatusCodes.Status400BadRequest,
                        $"'{StoredText.Echo(key)}' names an attribute already given under its other name; give it once.");
                }
            }
            else if (!IgnoredKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                return Refuse(StatusCodes.Status400BadRequest,
                    $"Matching on '{StoredText.Echo(key)}' is not supported; use ProcedureStepState, ScheduledProcedureStepPriority, " +
                        $"AccessionNumber, PatientID or ProcedureStepLabel.");
            }
        }

        // A value that no workitem can hold is refused, never dropped: dropping it would answer with unrelated workitems.
        if (matching.GetValueOrDefault(DicomJson.AccessionNumber) is { } accessionText && !string.IsNullOrWhiteSpace(accessionText)
            && Domain.Identifiers.AccessionNumber.Parse(accessionText) is { Succeeded: false })
        {
            return Refuse(StatusCodes.Status400BadRequest,
                $"AccessionNumber '{StoredText.Echo(accessionText)}' cannot match any workitem: an accession number has at most " +
                    $"{Domain.Identifiers.AccessionNumber.MaxLength} characters and no backslash or control character.");
        }

        ProcedureStepState? state = null;
        if (matching.TryGetValue(DicomJson.ProcedureStepState, out var stateText) && (state = DicomJson.ParseState(stateText)) is null)
        {
            return Refuse(StatusCodes.Status400BadRequest,
                $"'{StoredText.Echo(stateText)}' is not a procedure step state (SCHEDULED, IN PROGRESS, COMPLETED, CANCELED).");
        }

        Domain.Exams.ClinicalPriority[]? priorities = null;
        if (matching.TryGetValue(DicomJson.Priority, out var priorityText) && (priorities = DicomJson.ParsePriority(priorityText)) is null)
        {
            return Refuse(StatusCodes.Status400BadRequest, $"'{StoredText.Echo(priorityText)}' is not a UPS priority (HIGH, MEDIUM, LOW).");
        }

        if (!TryInt(request.Query["offset"], 0, out var offset) || !TryInt(request.Query["limit"], 100, out var limit) || offset < 0
            || limit < 1 || limit > WorkitemService.MaxLimit)
        {
            return Refuse(StatusCodes.Status400BadRequest,
                $"offset and limit must be whole numbers (offset ≥ 0, limit 1 to {WorkitemService.MaxLimit}).");
        }

        var query =
            new WorkitemQuery(state, priorities, matching.GetValueOrDefault(DicomJson.AccessionNumber),
            matching.GetValueOrDefault(DicomJson.PatientId), matching.GetValueOrDefault(DicomJson.ProcedureStepLabel), offset, limit);
        var found = await workitems.SearchAsync(query, ScopeOf(user), cancellationToken);
        return found.Count == 0
            ? Results.NoContent()
            : Results.Text(new JsonArray([.. found.Select(DicomJson.ToJson)]).ToJsonString(), DicomJson.MediaType);
    }

    private static async Task<IResult> RetrieveAsync(string uid, ClaimsPrincipal user, WorkitemService workitems,
        CancellationToken cancellationToken)
    {
        if (DicomJson.IdOf(uid) is not { } id)
        {
            return Refuse(StatusCodes.Status400BadRequest, $"'{StoredText.Echo(uid)}' is not a workitem UID of this worklist.");
        }

        return await workitems.RetrieveAsync(id, ScopeOf(user), cancellationToken) is { } item
            ? Results.Text(new JsonArray(DicomJson.ToJson(item)).ToJsonString(), DicomJson.MediaType)
            : Refuse(StatusCodes.Status404NotFound, "No such workitem.");
    }

    private static async Task<IResult> ChangeStateAsync(string uid, HttpRequest request, ClaimsPrincipal user, WorkitemService workitems,
        CancellationToken cancellationToken)
    {
        if (DicomJson.IdOf(uid) is not { } id)
        {
            return Refuse(StatusCodes.Status400BadRequest, $"'{StoredText.Echo(uid)}' is not a workitem UID of this worklist.");
        }

        var body = await ReadBodyAsync(request, cancellationToken);
        if (body.Error is { } error)
        {
            return error;
        }

        var state = DicomJson.ParseState(DicomJson.ValueOf(body.Json, DicomJson.ProcedureStepState));
        var transaction = DicomJson.ValueOf(body.Json, DicomJson.TransactionUid);
        if (state is null || string.IsNullOrWhiteSpace(transaction))
        {
            return Refuse(StatusCodes.Status400BadRequest,
                "The body must give Procedure Step State (0074,1000) and Transaction UID (0008,1195).");
        }

        var result =
            await workitems.ChangeStateAsync(id, state.Value, DicomJson.TokenOf(transaction), ActorOf(user, request), ScopeOf(user),
            cancellationToken);
        return Answer(result, Results.Ok());
    }

    private static async Task<IResult> RequestCancellationAsync(string uid, HttpRequest request, ClaimsPrincipal user,
        WorkitemService workitems, CancellationToken cancellationToken)
    {
        if (DicomJson.IdOf(uid) is not { } id)
        {
            return Refuse(StatusCodes.Status400BadRequest, $"'{StoredText.Echo(uid)}' is not a workitem UID of this worklist.");
        }

        var body = request.ContentLength is > 0 ? await ReadBodyAsync(request, cancellationToken) : default;
        if (body.Error is { } error)
        {
            return error;
        }

        var result =
            await workitems.RequestCancellationAsync(id, DicomJson.ValueOf(body.Json, DicomJson.ReasonForCancellation),
            ActorOf(user, request), ScopeOf(user), cancellationToken);
        return Answer(result, Results.Accepted());
    }

    private static async Task<(JsonNode? Json, IResult? Error)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Requiring a JSON media type also keeps browsers from posting here cross-site without a CORS preflight.
        if (request.ContentType?.Split(';')[0].Trim() is not (DicomJson.MediaType or "application/json"))
        {
            return (null, Refuse(StatusCodes.Status415UnsupportedMediaType, $"Send the dataset as {DicomJson.MediaType}."));
        }

        try
        {
            // A repeated attribute would leave it unclear which value was meant: refused, like any other malformed body.
            return (await JsonNode.ParseAsync(request.Body, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false },
                cancellationToken: cancellationToken), null);
        }
        catch (JsonException exception)
        {
            return (null, Refuse(StatusCodes.Status400BadRequest, $"The body is not valid DICOM JSON: {exception.Message}"));
        }
    }

    private static IResult Answer(WorkitemResult result, IResult success) => result.Failure switch
    {
        null => success,
        WorkitemFailure.NotFound => Refuse(StatusCodes.Status404NotFound, result.Reason!),
        WorkitemFailure.Conflict => Refuse(StatusCodes.Status409Conflict, result.Reason!),
        WorkitemFailure.Forbidden => Refuse(StatusCodes.Status403Forbidden, result.Reason!),
        _ => Refuse(StatusCodes.Status400BadRequest, result.Reason!),
    };

    /// <summary>
    /// DICOMweb reports a reason in a Warning header (PS3.18 8.10.4) as well as the body. A header carries ASCII only, so
    /// there the reason is written in ASCII (anything else as \uXXXX); the body keeps it as it is, in UTF-8.
    /// </summary>
    private static IResult Refuse(int status, string reason) => new Refusal(status, reason);

    private static Application.Security.AccessScope ScopeOf(ClaimsPrincipal user) => user.AccessScope();

    private static Actor ActorOf(ClaimsPrincipal user, HttpRequest request)
        => user.Actor(request.HttpContext.Connection.RemoteIpAddress?.ToString());

    private static bool TryInt(string? text, int fallback, out int value)
    {
        value = fallback;
        return string.IsNullOrEmpty(text) || int.TryParse(text, out value);
    }

    private sealed class Refusal(int status, string reason) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Warning = $"299 ImagingWorklist: \"{StoredText.Ascii(reason)}\"";
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(reason);
        }
    }
}
