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

    public static string Describe(string scope) => scope switch
    {
        Ingest => "Send orders and results",
        Read => "Read the worklist",
        Claim => "Claim and complete work as the signed-in reporter",
        ReportsRead => "Read issued reports",
        _ => scope,
    };
}
