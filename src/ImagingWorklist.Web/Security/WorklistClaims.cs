using System.Security.Claims;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace ImagingWorklist.Web.Security;

/// <summary>The claims a signed-in user carries beyond name and roles: who they are on screen, which reporter they are, which trusts they
/// may see.</summary>
internal sealed class WorklistClaims(UserManager<WorklistUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<WorklistUser, IdentityRole>(users, roles, options)
{
    public const string DisplayName = "DisplayName";
    public const string ReporterId = "ReporterId";

    /// <summary>One claim per trust (ODS code) a manager, coordinator or integration client is limited to.</summary>
    public const string Trust = "TrustScope";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(WorklistUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        foreach (var claim in For(user))
        {
            identity.AddClaim(claim);
        }

        return identity;
    }

    /// <summary>The same claims for the cookie and for tokens issued to a workstation acting as the user.</summary>
    public static IEnumerable<Claim> For(WorklistUser user)
    {
        yield return new Claim(DisplayName, user.DisplayName);
        if (user.ReporterId is { } reporter)
        {
            yield return new Claim(ReporterId, reporter.ToString());
        }

        foreach (var trust in Application.Security.AccessScope.ParseTrustCodes(user.TrustScope))
        {
            yield return new Claim(Trust, trust);
        }
    }
}

internal static class ClaimsPrincipalExtensions
{
    public static Guid? ReporterId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(WorklistClaims.ReporterId), out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(WorklistClaims.DisplayName) ?? user.Identity?.Name ?? user.FindFirstValue(OpenIddictConstants.Claims.Subject)
            ?? "unknown user";

    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue(OpenIddictConstants.Claims.Subject)
        ?? throw new InvalidOperationException("The user has no id claim.");

    /// <summary>
    /// Whose patients this caller may see: a reporter by their credentials; a manager, coordinator, administrator or
    /// integration client by the trusts named for them, else the whole network; anyone else (a radiologist account
    /// with no reporter record) nothing.
    /// </summary>
    public static AccessScope AccessScope(this ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return Application.Security.AccessScope.Nothing;
        }

        var trusts = user.FindAll(WorklistClaims.Trust).Select(c => c.Value).ToList();
        var oversees = user.Oversees() || IsClient(user);
        if (oversees)
        {
            return trusts.Count > 0 ? Application.Security.AccessScope.ForTrusts(trusts) : Application.Security.AccessScope.WholeNetwork;
        }

        return user.ReporterId() is { } reporter ? Application.Security.AccessScope.ForReporter(reporter)
            : Application.Security.AccessScope.Nothing;
    }

    /// <summary>Who did something, for the audit trail: the unique user name (or client id), their reporter record, and where
    /// from.</summary>
    public static Actor Actor(this ClaimsPrincipal user, string? source) =>
        new(user.Identity?.Name ?? user.DisplayName(), user.ReporterId(), source);

    /// <summary>An integration client authenticated with its own credentials, acting for no person.</summary>
    public static bool IsClient(this ClaimsPrincipal user) => user.HasClaim(ClientClaim, "true");

    public const string ClientClaim = "IntegrationClient";
}
