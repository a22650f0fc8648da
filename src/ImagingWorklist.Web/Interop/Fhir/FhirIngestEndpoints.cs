using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using ImagingWorklist.Application.Ingest;
using ImagingWorklist.Web.Security;

namespace ImagingWorklist.Web.Interop.Fhir;

/// <summary>
/// FHIR R4 ingest: POST a ServiceRequest, an ImagingStudy, or a Bundle of them (processed entry by entry, as a batch).
/// Bodies that are not valid R4 are refused with the parser's findings; accepted content goes through the HL7 ingest
/// (FhirOrders), and its answer comes back as an OperationOutcome naming the FHIR element at fault.
/// </summary>
internal static class FhirIngestEndpoints
{
    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    public static WebApplication MapFhirIngestEndpoints(this WebApplication app)
    {
        var fhir = app.MapGroup("/fhir").RequireAuthorization(WorklistPolicies.Ingest).DisableAntiforgery();
        fhir.MapPost("/ServiceRequest", ReceiveAsync);
        fhir.MapPost("/ImagingStudy", ReceiveAsync);
        fhir.MapPost("/Observation", ReceiveAsync);
        fhir.MapPost("/DiagnosticReport", ReceiveAsync);
        fhir.MapPost(string.Empty, ReceiveAsync);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, ClaimsPrincipal user, Hl7Ingest ingest, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (request.ContentType?.Split(';')[0].Trim() is not (FhirEndpoints.MediaType or "application/json"))
        {
            return FhirEndpoints.Problem(StatusCodes.Status415UnsupportedMediaType, OperationOutcome.IssueType.NotSupported,
                $"Send the resource as {FhirEndpoints.MediaType}.");
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var json = await reader.ReadToEndAsync(cancellationToken);
        if (!json.AsSpan().TrimStart().StartsWith("{"))
        {
            return FhirEndpoints.Problem(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Structure,
                "The body must be one FHIR resource, a JSON object ({…}); to send several, POST them in a Bundle to /fhir.");
        }

        Resource? resource;
        try
        {
            // The FHIR parser fails with an internal error on a property without a name, so that is answered here.
            using (var document = JsonDocument.Parse(json))
            {
                if (UnnamedProperty(document.RootElement, string.Empty) is { } place)
                {
                    return FhirEndpoints.Problem(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Structure,
                        $"A property has an empty name at {(place.Length == 0 ? "the top level" : place)}; every FHIR JSON property is " +
                            $"named.");
                }
            }

            resource = JsonSerializer.Deserialize<Resource>(json, Json);
        }
        catch (DeserializationFailedException failure)
        {
            var issues = failure.Exceptions.Take(20)
                .Select(e
                => new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error,
                Code = OperationOutcome.IssueType.Structure, Diagnostics = e.Message });
            return Outcome(StatusCodes.Status400BadRequest, [.. issues]);
        }
        catch (JsonException failure)
        {
            return FhirEndpoints.Problem(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Structure,
                $"The body is not FHIR JSON: {failure.Message}");
        }
        catch (Exception failure) when (failure is IndexOutOfRangeException or InvalidOperationException or ArgumentException
            or FormatException or NullReferenceException)
        {
            // Any other parser failure is still a body it could not read, never a server error.
            return FhirEndpoints.Problem(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Structure,
                $"The FHIR parser could not read this body ({failure.GetType().Name}); check it against the R4 JSON format.");
        }

        var expected = request.Path.Value!.TrimEnd('/').Split('/')[^1];
        if (resource is null || (expected != "fhir" && resource.TypeName != expected) || (expected == "fhir" && resource is not Bundle))
        {
            return FhirEndpoints.Problem(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, expected == "fhir"
                ? "POST a Bundle to /fhir, or a resource to its own type's address."
                : $"This address takes a {expected}, not a {resource?.TypeName}.");
        }

        var trusts = user.FindAll(WorklistClaims.Trust).Select(c => c.Value).ToList();
        var (messages, problem) = FhirOrders.Translate(resource, json, trusts.Count == 1 ? trusts[0] : null, clock.GetUtcNow());
        if (problem is not null)
        {
            return FhirEndpoints.Problem(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.NotSupported, problem);
        }

        var source = $"{user.Identity?.Name ?? "client"}@{request.HttpContext.Connection.RemoteIpAddress}";
        var results = new List<(string Resource, string Code, OperationOutcome Outcome)>();
        foreach (var (name, message) in messages)
        {
            var answer = await ingest.ReceiveAsync(message, "FHIR", source, user.AccessScope(), cancellationToken, json);
            results.Add((name, answer.Unprocessed ? Unprocessed : answer.Code, OutcomeOf(answer)));
        }

        if (resource is not Bundle)
        {
            var (_, code, outcome) = results[0];
            return Outcome(StatusOf(code), [.. outcome.Issue]);
        }

        var response = new Bundle { Type = Bundle.BundleType.BatchResponse };
        foreach (var (name, code, outcome) in results)
        {
            response.Entry.Add(
                new Bundle.EntryComponent { Response =
                new Bundle.ResponseComponent { Status = $"{StatusOf(code)} {name}", Outcome = outcome } });
        }

        return Results.Text(JsonSerializer.Serialize<Resource>(response, Json), FhirEndpoints.MediaType);
    }

    /// <summary>Stands for an answer to send again (503), beside the ACK codes.</summary>
    private const string Unprocessed = "unprocessed";

    private static int StatusOf(string ackCode) => ackCode switch
    {
        Unprocessed => StatusCodes.Status503ServiceUnavailable,
        Hl7Ack.Accept => StatusCodes.Status200OK,
        Hl7Ack.Error => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The ingest's answer as an OperationOutcome: its text as information or error, each problem with the FHIR element it came
    /// from.</summary>
    private static OperationOutcome OutcomeOf(IngestOutcome answer)
    {
        var accepted = answer.Accepted;
        var outcome = new OperationOutcome();
        outcome.Issue.Add(new OperationOutcome.IssueComponent
        {
            Severity = accepted ? OperationOutcome.IssueSeverity.Information : OperationOutcome.IssueSeverity.Error,
            Code = accepted ? OperationOutcome.IssueType.Informational : answer.Unprocessed ? OperationOutcome.IssueType.Transient
                : OperationOutcome.IssueType.BusinessRule,
            Diagnostics = answer.Text,
        });
        foreach (var error in answer.Unprocessed ? [] : answer.Errors)
        {
            var issue = new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = OperationOutcome.IssueType.Invalid,
                Diagnostics = error.Message,
            };
            if (FhirOrders.Elements.TryGetValue($"{error.Segment}-{error.Field}", out var element))
            {
                issue.Expression = [element];
            }

            outcome.Issue.Add(issue);
        }

        return outcome;
    }

    private static IResult Outcome(int status, List<OperationOutcome.IssueComponent> issues) =>
        Results.Text(JsonSerializer.Serialize<Resource>(new OperationOutcome { Issue = issues }, Json), FhirEndpoints.MediaType,
            statusCode: status);

    /// <summary>Where (as a FHIRPath-like path) the first property with an empty name is, or null when all are named.</summary>
    private static string? UnnamedProperty(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name.Length == 0)
                    {
                        return path;
                    }

                    if (UnnamedProperty(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (UnnamedProperty(item, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
