using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using ImagingWorklist.Application.Delivery;
using ImagingWorklist.Application.Workitems;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Web.Infrastructure;
using ImagingWorklist.Web.Security;

namespace ImagingWorklist.Web.Interop.Fhir;

/// <summary>
/// FHIR R4 (Firely SDK) over /fhir: the CapabilityStatement at /fhir/metadata, worklist items as Task (read and search
/// by status, owner, priority, _lastUpdated), and an OperationOutcome for every error. Tasks carry the work, never the
/// patient: a client that needs patient data gets it from its own RIS by the accession identifier.
/// </summary>
internal static partial class FhirEndpoints
{
    public const string MediaType = "application/fhir+json";
    public const string AccessionSystem = "urn:imagingworklist:accession:";

    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);
    private static readonly string[] SearchParameters = ["status", "owner", "priority", "_lastUpdated", "_count", "_offset", "_format"];
    private static readonly string[] ReportSearchParameters = ["status", "_lastUpdated", "_count", "_offset", "_format"];

    public static WebApplication MapFhirEndpoints(this WebApplication app)
    {
        var fhir = app.MapGroup("/fhir");
        fhir.MapGet("/metadata", Capabilities).AllowAnonymous();
        fhir.MapGet("/Task", SearchTasksAsync).RequireAuthorization(WorklistPolicies.WorklistRead);
        fhir.MapGet("/Task/{id}", ReadTaskAsync).RequireAuthorization(WorklistPolicies.WorklistRead);
        fhir.MapGet("/DiagnosticReport", SearchReportsAsync).RequireAuthorization(WorklistPolicies.ReportsRead);
        fhir.MapGet("/DiagnosticReport/{id}", ReadReportAsync).RequireAuthorization(WorklistPolicies.ReportsRead);
        return app;
    }

    private static async Task<IResult> SearchTasksAsync(HttpRequest request, ClaimsPrincipal user, TaskSearch search,
        CancellationToken cancellationToken)
    {
        if (request.Query.Keys.FirstOrDefault(k => !SearchParameters.Contains(k)) is { } unknown)
        {
            return Problem(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.NotSupported,
                $"Search parameter '{StoredText.Echo(unknown)}' is not supported on Task; use status, owner, priority or _lastUpdated.");
        }

        var states = new List<ExamState>();
        foreach (var value in Values(request, "status"))
        {
            if (StatesOf(value) is not { } mapped)
            {
                return Problem(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Value,
                    $"Task status '{value}' is not one of requested, ready, in-progress, on-hold, completed, cancelled.");
            }

            states.AddRange(mapped);
        }

        var priorities = new List<ClinicalPriority>();
        foreach (var value in Values(request, "priority"))
        {
            if (PriorityOf(value) is not { } priority)
            {
                return Problem(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Value,
                    $"Priority '{value}' is not one of routine, urgent, asap, stat.");
            }

            priorities.Add(priority);
        }

        Guid? owner = null;
        if (request.Query["owner"].ToString() is { Length: > 0 } ownerText)
        {
            if (!Guid.TryParse(ownerText.Replace("Practitioner/", string.Empty, StringComparison.Ordinal), out var ownerId))
            {
                return Problem(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Value,
                    $"owner must be Practitioner/{{id}}, not '{ownerText}'.");
            }

            owner = ownerId;
        }

        if (Window(request, TaskSearch.MaxCount, out var from, out var before, out var count, out var offset) is { } problem)
        {
            return problem;
        }

        var (items, total) =
            await search.SearchAsync(new TaskCriteria(states, priorities, owner, from, before, offset, count), user.AccessScope(),
            cancellationToken);
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Total = total };
        foreach (var item in items)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = PublicAddress.Of(request, $"/fhir/Task/{item.ExamId}"),
                Resource = TaskOf(item),
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        }

        return Fhir(bundle);
    }

    private static async Task<IResult> ReadTaskAsync(string id, ClaimsPrincipal user, TaskSearch search,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var examId))
        {
            return Problem(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, $"No Task '{id}'.");
        }

        var (items, _) =
            await search.SearchAsync(new TaskCriteria([], [], null, null, null, 0, 1, examId), user.AccessScope(), cancellationToken);
        return items.Count == 1 ? Fhir(TaskOf(items[0]))
            : Problem(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, $"No Task '{id}' among the trusts you may see.");
    }

    private static async Task<IResult> SearchReportsAsync(HttpRequest request, ClaimsPrincipal user, IssuedReports reports,
        CancellationToken cancellationToken)
    {
        if (request.Query.Keys.FirstOrDefault(k => !ReportSearchParameters.Contains(k)) is { } unknown)
        {
            return Problem(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.NotSupported,
                $"Search parameter '{StoredText.Echo(unknown)}' is not supported on DiagnosticReport; use status or _lastUpdated.");
        }

        var kinds = new List<DeliveryKind>();
        foreach (var value in Values(request, "status"))
        {
            DeliveryKind? kind = value switch
            {
                "preliminary" => DeliveryKind.Preliminary,
                "final" => DeliveryKind.Final,
                "appended" => DeliveryKind.Addendum,
                _ => null,
            };
            if (kind is null)
            {
                return Problem(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Value,
                    $"DiagnosticReport status '{value}' is not one of preliminary, final, appended.");
            }

            kinds.Add(kind.Value);
        }

        if (Window(request, IssuedReports.MaxCount, out var from, out var before, out var count, out var offset) is { } problem)
        {
            return problem;
        }

        var (found, total) =
            await reports.SearchAsync(new IssuedReportCriteria(kinds, from, before, offset, count), user.AccessScope(), cancellationToken);
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Total = total };
        foreach (var document in found)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = PublicAddress.Of(request, $"/fhir/DiagnosticReport/{document.ReportId}"),
                Resource = FhirReports.Build(document),
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        }

        return Fhir(bundle);
    }

    private static async Task<IResult> ReadReportAsync(string id, ClaimsPrincipal user, IssuedReports reports,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var reportId))
        {
            return Problem(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, $"No DiagnosticReport '{id}'.");
        }

        var (found, _) =
            await reports.SearchAsync(new IssuedReportCriteria([], null, null, 0, 1, reportId), user.AccessScope(), cancellationToken);
        return found.Count == 1
            ? Fhir(FhirReports.Build(found[0]))
            : Problem(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound,
                $"No issued DiagnosticReport '{id}' among the trusts you may see.");
    }

    /// <summary>The search window every search shares (_lastUpdated, _count, _offset), or the problem with it.</summary>
    private static IResult? Window(HttpRequest request, int maxCount, out DateTimeOffset? from, out DateTimeOffset? before, out int count,
        out int offset)
    {
        from = null;
        before = null;
        offset = 0;
        foreach (var value in request.Query["_lastUpdated"].Where(v => !string.IsNullOrEmpty(v)))
        {
            if (!TryDateBound(value!, ref from, ref before))
            {
                count = 0;
                return Problem(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Value,
                    $"_lastUpdated '{value}' must be a prefix (ge, gt, le, lt, eq) and a date or date-time, e.g. ge2026-11-25T09:00:00Z.");
            }
        }

        if (request.Query["_format"].ToString() is { Length: > 0 } format && format is not ("json" or "application/json" or MediaType))
        {
            count = 0;
            return Problem(StatusCodes.Status406NotAcceptable, OperationOutcome.IssueType.NotSupported,
                $"_format '{StoredText.Echo(format)}' cannot be served; this server answers in JSON (_format=json).");
        }

        // A page larger than the server gives would silently lose the rest (there is no next link): refused instead.
        return Whole(request.Query["_count"], 50, out count) && Whole(request.Query["_offset"], 0, out offset) && count >= 1
            && count <= maxCount
            ? null
            : Problem(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Value,
                $"_count and _offset must be whole numbers (_count 1 to {maxCount}).");
    }

    internal static Hl7.Fhir.Model.Task TaskOf(TaskItem item)
    {
        var task = new Hl7.Fhir.Model.Task
        {
            Id = item.ExamId.ToString(),
            Meta = new Meta { LastUpdated = item.UpdatedAt },
            Status = item.State switch
            {
                ExamState.Ordered => Hl7.Fhir.Model.Task.TaskStatus.Requested,
                ExamState.Ready => Hl7.Fhir.Model.Task.TaskStatus.Ready,
                ExamState.OnHold => Hl7.Fhir.Model.Task.TaskStatus.OnHold,
                ExamState.Claimed or ExamState.Preliminary or ExamState.AwaitingVerification => Hl7.Fhir.Model.Task.TaskStatus.InProgress,
                ExamState.Final or ExamState.Amended => Hl7.Fhir.Model.Task.TaskStatus.Completed,
                _ => Hl7.Fhir.Model.Task.TaskStatus.Cancelled,
            },
            Intent = Hl7.Fhir.Model.Task.TaskIntent.Order,
            Priority = item.Priority switch
            {
                ClinicalPriority.Stat => RequestPriority.Stat,
                ClinicalPriority.Asap => RequestPriority.Asap,
                ClinicalPriority.Urgent => RequestPriority.Urgent,
                _ => RequestPriority.Routine,
            },
            Identifier =
                [new Identifier(AccessionSystem + item.TrustOds,
                item.Accession) { Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v2-0203", "ACSN") }],
            Code = new CodeableConcept("http://hl7.org/fhir/CodeSystem/task-code", "fulfill", "Report the imaging study"),
            Description = item.ProcedureDescription,
            AuthoredOn = item.OrderedAt.ToString("o", CultureInfo.InvariantCulture),
            LastModified = item.UpdatedAt.ToString("o", CultureInfo.InvariantCulture),
            Restriction =
                new Hl7.Fhir.Model.Task.RestrictionComponent { Period =
                new Period { End = item.DueAt.ToString("o", CultureInfo.InvariantCulture) } },
        };
        if (item.OwnerId is { } owner)
        {
            task.Owner = new ResourceReference($"Practitioner/{owner}", item.OwnerName);
        }

        return task;
    }

    private static IResult Fhir(Resource resource) => Results.Text(JsonSerializer.Serialize<Resource>(resource, Json), MediaType);

    internal static IResult Problem(int status, OperationOutcome.IssueType type, string message) =>
        Results.Text(
            JsonSerializer.Serialize<Resource>(
                new OperationOutcome { Issue =
                [new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error, Code = type,
                Diagnostics = message }] }, Json),
            MediaType,
            statusCode: status);

    private static IEnumerable<string> Values(HttpRequest request, string name) =>
        request.Query[name].SelectMany(v => (v ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static ExamState[]? StatesOf(string status) => status switch
    {
        "requested" => [ExamState.Ordered],
        "ready" => [ExamState.Ready],
        "in-progress" => [ExamState.Claimed, ExamState.Preliminary, ExamState.AwaitingVerification],
        "on-hold" => [ExamState.OnHold],
        "completed" => [ExamState.Final, ExamState.Amended],
        "cancelled" => [ExamState.Cancelled],
        _ => null,
    };

    private static ClinicalPriority? PriorityOf(string priority) => priority switch
    {
        "routine" => ClinicalPriority.Routine,
        "urgent" => ClinicalPriority.Urgent,
        "asap" => ClinicalPriority.Asap,
        "stat" => ClinicalPriority.Stat,
        _ => null,
    };

    /// <summary>A FHIR date search value: prefix and a date (the whole day) or date-time.</summary>
    private static bool TryDateBound(string value, ref DateTimeOffset? from, ref DateTimeOffset? before)
    {
        var prefix = value.Length > 2 && char.IsAsciiLetter(value[0]) ? value[..2] : "eq";
        var text = prefix == "eq" && !char.IsAsciiLetter(value[0]) ? value : value[2..];
        DateTimeOffset start;
        DateTimeOffset end;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            end = start.AddDays(1);
        }
        else if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
            && text.Contains('T', StringComparison.Ordinal))
        {
            start = moment;
            end = moment.AddTicks(1);
        }
        else
        {
            return false;
        }

        switch (prefix)
        {
            case "ge":
                from = start;
                return true;
            case "gt":
                from = end;
                return true;
            case "lt":
                before = start;
                return true;
            case "le":
                before = end;
                return true;
            case "eq":
                (from, before) = (start, end);
                return true;
            default:
                return false;
        }
    }

    private static bool Whole(string? text, int fallback, out int value)
    {
        value = fallback;
        return string.IsNullOrEmpty(text) || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 0);
    }
}
