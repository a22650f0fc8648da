using Hl7.Fhir.Model;
using ImagingWorklist.Web.Infrastructure;

namespace ImagingWorklist.Web.Interop.Fhir;

/// <summary>The CapabilityStatement at /fhir/metadata: what this server reads and searches, and how a client is authorised.</summary>
internal static partial class FhirEndpoints
{
    private static IResult Capabilities(HttpRequest request)
    {
        var statement = new CapabilityStatement
        {
            Status = PublicationStatus.Active,
            Date = "2026-11-29",
            Kind = CapabilityStatementKind.Instance,
            Software = new CapabilityStatement.SoftwareComponent { Name = "ImagingWorklist" },
            Implementation =
                new CapabilityStatement.ImplementationComponent { Description = "Network radiology reporting worklist",
                Url = PublicAddress.Of(request, "/fhir") },
            FhirVersion = FHIRVersion.N4_0_1,
            Format = ["json"],
            Rest =
            [
                new CapabilityStatement.RestComponent
                {
                    Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                    Security = new CapabilityStatement.SecurityComponent
                    {
                        Description =
                            "OAuth 2.0 bearer tokens from /connect/token (scope worklist.read for Task, reports.read for " +
                                "DiagnosticReport and follow-up ServiceRequest); discovery at /.well-known/openid-configuration.",
                    },
                    Resource =
                    [
                        Searchable(
                            "Task",
                            Parameter("status", SearchParamType.Token, "requested | ready | in-progress | on-hold | completed | cancelled"),
                            Parameter("owner", SearchParamType.Reference, "Practitioner/{reporter id}"),
                            Parameter("priority", SearchParamType.Token, "routine | urgent | asap | stat"),
                            Parameter("_lastUpdated", SearchParamType.Date, "ge/gt/le/lt/eq with a date or date-time")),
                        Created(Searchable(
                            "DiagnosticReport",
                            Parameter("status", SearchParamType.Token, "preliminary | final | appended (scope reports.read)"),
                            Parameter("_lastUpdated", SearchParamType.Date, "ge/gt/le/lt/eq with a date or date-time")),
                            "Create: an AI system's result, its Observations in result (scope worklist.ingest)"),
                        Searchable(
                            "ServiceRequest",
                            Parameter("intent", SearchParamType.Token,
                                "proposal: follow-up recommendations from reports (orders are POSTed here, not read back)"),
                            Parameter("status", SearchParamType.Token, "active | completed | revoked (scope reports.read)")),
                        new CapabilityStatement.ResourceComponent
                        {
                            Type = "Observation",
                            Documentation =
                                "Create only: an AI finding on an exam (code; interpretation POS or NEG; valueQuantity score 0-1; " +
                                    "device = the registered algorithm; basedOn.identifier = the accession; scope worklist.ingest)",
                            Interaction =
                            [
                                new CapabilityStatement.ResourceInteractionComponent
                                {
                                    Code = CapabilityStatement.TypeRestfulInteraction.Create,
                                },
                            ],
                        },
                    ],
                },
            ],
        };
        return Fhir(statement);
    }

    /// <summary>A resource type that may also be created here, and what a create means.</summary>
    private static CapabilityStatement.ResourceComponent Created(CapabilityStatement.ResourceComponent resource, string documentation)
    {
        resource.Interaction.Add(new CapabilityStatement.ResourceInteractionComponent
        {
            Code = CapabilityStatement.TypeRestfulInteraction.Create,
            Documentation = documentation,
        });
        return resource;
    }

    /// <summary>A resource type this server reads and searches, with its search parameters.</summary>
    private static CapabilityStatement.ResourceComponent Searchable(string type,
        params CapabilityStatement.SearchParamComponent[] parameters) => new()
    {
        Type = type,
        Interaction =
        [
            new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read },
            new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.SearchType },
        ],
        SearchParam = [.. parameters],
    };

    private static CapabilityStatement.SearchParamComponent Parameter(string name, SearchParamType type, string documentation) =>
        new() { Name = name, Type = type, Documentation = documentation };
}
