using System.Security.Claims;
using OpenIddict.Abstractions;

namespace ImagingWorklist.Web.Security;

/// <summary>OAuth scopes a client may ask for, beyond openid, profile, roles and offline_access.</summary>
internal static class WorklistScopes
{
    /// <summary>Send orders and results in (HL7 v2, FHIR): RIS and PACS integrations.</summary>
    public const string Ingest = "worklist.ingest";

    /// <summary>Read the worklist (UPS-RS search and retrieve, FHIR Task, live events), within the caller's trusts.</summary>
    public const string Read = "worklist.read";

    /// <summary>Claim, release and complete work as the signed-in reporter (reporting workstations).</summary>
    public const string Claim = "worklist.claim";

    /// <summary>Read issued reports (FHIR DiagnosticReport).</summary>
    public const string ReportsRead = "reports.read";

    public static IReadOnlyList<string> All { get; } = [Ingest, Read, Claim, ReportsRead];

    /// <summary>
    /// The scope of one approved data access request's Bulk Data client ("research." and the request's id): a token with it
    /// can start and fetch that request's extracts and nothing else. Registered when the client is issued.
    /// </summary>
    public const string ResearchPrefix = "research.";

    public static string Research(Guid requestId) => $"{ResearchPrefix}{requestId:N}";

    /// <summary>The request a token's research scope names, if it has one.</summary>
    public static Guid? ResearchRequest(ClaimsPrincipal user) =>
        user.GetScopes().Select(s => s.StartsWith(ResearchPrefix, StringComparison.Ordinal)
                && Guid.TryParseExact(s[ResearchPrefix.Length..], "N", out var id) ? id : (Guid?)null)
            .FirstOrDefault(id => id is not null);

    public static string Describe(string scope) => scope switch
    {
        Ingest => "Send orders and results",
        Read => "Read the worklist",
        Claim => "Claim and complete work as the signed-in reporter",
        ReportsRead => "Read issued reports",
        _ when scope.StartsWith(ResearchPrefix, StringComparison.Ordinal)
            => "Export one approved research request's extracts (FHIR Bulk Data)",
        _ => scope,
    };
}
