using System.Security.Claims;
using ImagingWorklist.Application.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;

namespace ImagingWorklist.Web.Security;

/// <summary>
/// The named policies of the API surfaces. A person signed in with the cookie is judged by role; a program presenting
/// an access token is judged by the scopes the token was granted (and, for a workstation acting as a person, that
/// person's roles, which the token carries).
/// </summary>
internal static class WorklistPolicies
{
    public const string WorklistRead = nameof(WorklistRead);
    public const string WorklistClaim = nameof(WorklistClaim);
    public const string CancelRequest = nameof(CancelRequest);
    public const string Ingest = nameof(Ingest);
    public const string ReportsRead = nameof(ReportsRead);
    public const string Admin = nameof(Admin);

    /// <summary>Managers, coordinators and administrators (<see cref="WorklistRoles.Oversight"/>), by whatever means they signed
    /// in.</summary>
    public const string Oversight = nameof(Oversight);

    /// <summary>Patient-identifiable pages: anyone signed in with a clinical role (not a researcher or guardian alone).</summary>
    public const string PatientData = nameof(PatientData);

    /// <summary>The research pages: requesters and data guardians, in the browser.</summary>
    public const string Research = nameof(Research);

    /// <summary>The AI triage page: managers and administrators in the browser (administrators also register algorithms).</summary>
    public const string AiOversight = nameof(AiOversight);

    /// <summary>FHIR Bulk Data export: a client token scoped to one approved request (checked per request by the endpoint).</summary>
    public const string BulkData = nameof(BulkData);

    public static void AddWorklistPolicies(this AuthorizationBuilder authorization) => authorization
        // Pages ([Authorize] without a policy) are for people in the browser: the sign-in cookie, not a token.
        .SetDefaultPolicy(new AuthorizationPolicyBuilder(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser().Build())

        // Anything mapped without a policy of its own still needs a signed-in caller.
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
        .AddPolicy(WorklistRead, p => p.RequireAuthenticatedUser()
            .RequireAssertion(c => Clinician(c.User) || Scoped(c.User, WorklistScopes.Read)))
        .AddPolicy(WorklistClaim, p => p.RequireAuthenticatedUser()
            .RequireAssertion(c => IsReporter(c.User) && (Person(c.User) || Scoped(c.User, WorklistScopes.Claim))))
        .AddPolicy(CancelRequest, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
            Clinician(c.User) || Scoped(c.User, WorklistScopes.Claim) || Scoped(c.User, WorklistScopes.Ingest)))
        .AddPolicy(Ingest, p => p.RequireAuthenticatedUser().RequireAssertion(c => Scoped(c.User, WorklistScopes.Ingest)))
        .AddPolicy(ReportsRead, p => p.RequireAuthenticatedUser()
            .RequireAssertion(c => Clinician(c.User) || Scoped(c.User, WorklistScopes.ReportsRead)))
        .AddPolicy(Oversight, p => p.RequireAuthenticatedUser().RequireRole(WorklistRoles.Oversight))
        .AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireAssertion(c => Person(c.User) && c.User.IsInRole(WorklistRoles.Admin)))
        .AddPolicy(PatientData, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser()
            .RequireAssertion(c => Clinician(c.User)))
        .AddPolicy(Research, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser()
            .RequireAssertion(c => Person(c.User) && c.User.InAny(WorklistRoles.Research)))
        .AddPolicy(AiOversight, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser()
            .RequireAssertion(c => Person(c.User) && c.User.InAny(WorklistRoles.AiOversight)))
        .AddPolicy(BulkData, p => p.RequireAuthenticatedUser().RequireAssertion(c => !Person(c.User) && WorklistScopes
            .ResearchRequest(c.User) is not null));

    /// <summary>A person in the browser with a clinical role: may see patients' data within their scope.</summary>
    public static bool Clinician(ClaimsPrincipal user) => Person(user) && !user.ResearchOnly();

    /// <summary>Signed in through the sign-in page (the cookie), as opposed to a token.</summary>
    public static bool Person(ClaimsPrincipal user) =>
        user.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == IdentityConstants.ApplicationScheme);

    private static bool Scoped(ClaimsPrincipal user, string scope) => !Person(user) && user.HasScope(scope);

    private static bool IsReporter(ClaimsPrincipal user) => user.ReporterId() is not null && user.IsInRole(WorklistRoles.Radiologist);
}
