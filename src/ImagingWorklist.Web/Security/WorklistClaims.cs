using System.Security.Claims;
using ImagingWorklist.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

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
