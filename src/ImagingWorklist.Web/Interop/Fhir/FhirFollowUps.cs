using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using ImagingWorklist.Application.FollowUps;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Web.Infrastructure;
using ImagingWorklist.Web.Security;

namespace ImagingWorklist.Web.Interop.Fhir;

/// <summary>
/// Follow-up recommendations as FHIR R4 ServiceRequest with intent <c>proposal</c> (a suggestion from the report that
/// the referrer or GP is to act on, not an order): status active, completed (a matching order arrived) or revoked
/// (closed by hand, the reason in a note); the patient contained with NHS number; due by as occurrencePeriod.end.
/// </summary>
internal static class FhirFollowUps
{
    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);
    private static readonly string[] Parameters = ["intent", "status", "_count", "_offset", "_format"];

    public static WebApplication MapFhirFollowUpEndpoints(this WebApplication app)
    {
        var fhir = app.MapGroup("/fhir");
        fhir.MapGet("/ServiceRequest", SearchAsync).RequireAuthorization(WorklistPolicies.ReportsRead);
        fhir.MapGet("/ServiceRequest/{id}", ReadAsync).RequireAuthorization(WorklistPolicies.ReportsRead);
        return app;
    }

    private static async Task<IResult> SearchAsync(HttpRequest request, ClaimsPrincipal user, FollowUpService followUps,
        CancellationToken cancellationToken)
    {
        if (request.Query.Keys.FirstOrDefault(k => !Parameters.Contains(k)) is { } unknown)
        {
            return FhirEndpoints.Problem(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.NotSupported,
                $"Search parameter '{StoredText.Echo(unknown)}' is not supported on ServiceRequest; use intent=proposal, status, _count " +
                    $"or _offset.");
        }

        if (request.Query["intent"].ToString() is { Length: > 0 } intent && intent != "proposal")
        {
            return FhirEndpoints.Problem(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Value,
                $"This server holds follow-up recommendations only: intent must be proposal, not '{StoredText.Echo(intent)}'. Orders " +
                    $"are sent here, not read back.");
        }

        var statuses = new List<FollowUpStatus>();
        foreach (var value in request.Query["status"].SelectMany(v => (v ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            FollowUpStatus? status = value switch
            {
                "active" => FollowUpStatus.Open,
                "completed" => FollowUpStatus.Done,
                "revoked" => FollowUpStatus.Closed,
                _ => null,
            };
            if (status is null)
            {
                return FhirEndpoints.Problem(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Value,
                    $"ServiceRequest status '{StoredText.Echo(value)}' is not one of active, completed, revoked.");
            }

            statuses.Add(status.Value);
        }

        if (!Whole(request.Query["_count"], 50, out var count) || !Whole(request.Query["_offset"], 0, out var offset)
            || count is < 1 or > 500)
        {
            return FhirEndpoints.Problem(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Value,
                "_count and _offset must be whole numbers (_count 1 to 500).");
        }

        if (request.Query["_format"].ToString() is { Length: > 0 } format
            && format is not ("json" or "application/json" or FhirEndpoints.MediaType))
        {
            return FhirEndpoints.Problem(StatusCodes.Status406NotAcceptable, OperationOutcome.IssueType.NotSupported,
                $"_format '{StoredText.Echo(format)}' cannot be served; this server answers in JSON.");
        }

        var rows = (await followUps.ListAsync(user.AccessScope(), FollowUpView.All, cancellationToken: cancellationToken))
            .Where(r => statuses.Count == 0 || statuses.Contains(r.Status))
            .ToList();
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Total = rows.Count };
        foreach (var row in rows.Skip(offset).Take(count))
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = PublicAddress.Of(request, $"/fhir/ServiceRequest/{row.Id}"),
                Resource = Build(row),
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        }

        return Fhir(bundle);
    }

    private static async Task<IResult> ReadAsync(string id, ClaimsPrincipal user, FollowUpService followUps,
        CancellationToken cancellationToken)
    {
        var found = Guid.TryParse(id, out var followUpId)
            ? await followUps.ListAsync(user.AccessScope(), FollowUpView.All, cancellationToken: cancellationToken, followUpId: followUpId)
            : [];
        return found.Count == 1
            ? Fhir(Build(found[0]))
            : FhirEndpoints.Problem(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound,
                $"No follow-up ServiceRequest '{StoredText.Echo(id)}' among the trusts you may see.");
    }

    public static ServiceRequest Build(FollowUpRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var names = row.PatientName.Split(", ", 2);
        var patient = new Hl7.Fhir.Model.Patient
        {
            Id = "patient",
            Identifier = [new Identifier("urn:imagingworklist:mrn", row.PatientMrn)],
            Name = [new HumanName { Family = names[0], Given = names.Length > 1 ? [names[1]] : [] }],
        };
        if (row.NhsNumber is { } nhs)
        {
            patient.Identifier.Insert(0, new Identifier(FhirOrders.NhsNumberSystem, nhs));
        }

        var request = new ServiceRequest
        {
            Id = row.Id.ToString(),
            Contained = [patient],
            Identifier = [new Identifier("urn:imagingworklist:follow-up", row.Id.ToString())],
            Status = row.Status switch
            {
                FollowUpStatus.Done => RequestStatus.Completed,
                FollowUpStatus.Closed => RequestStatus.Revoked,
                _ => RequestStatus.Active,
            },
            Intent = RequestIntent.Proposal,
            Code = row.ProcedureCode is { } code
                ? new CodeableConcept("urn:imagingworklist:procedure", code, row.What) { Text = row.What }
                : new CodeableConcept { Text = row.What },
            Subject = new ResourceReference("#patient"),
            Occurrence = new Period { End = row.DueBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            AuthoredOn = row.RecommendedAt.ToString("o", CultureInfo.InvariantCulture),
            Requester = new ResourceReference { Display = row.RecommendedBy },
            Performer = [new ResourceReference { Display = $"{Labels.Of(row.Recipient)}: {row.RecipientName}" }],
            ReasonCode = [new CodeableConcept { Text = row.Reason }],
            SupportingInfo = [new ResourceReference { Type = "ServiceRequest", Display = $"{row.Accession} ({row.TrustName})" }],
        };
        if (row.Status != FollowUpStatus.Open)
        {
            request.Note = [new Annotation { Text = new Markdown(FollowUpWords.Status(row)) }];
        }

        return request;
    }

    private static bool Whole(Microsoft.Extensions.Primitives.StringValues values, int fallback, out int value)
    {
        value = fallback;
        return values.Count == 0 || int.TryParse(values.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static IResult Fhir(Resource resource)
        => Results.Text(JsonSerializer.Serialize<Resource>(resource, Json), FhirEndpoints.MediaType);
}
