using System.Security.Claims;
using ImagingWorklist.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ImagingWorklist.Web.Identity;

/// <summary>The claims a signed-in user carries beyond name and roles: who they are on screen, and which reporter they are.</summary>
internal sealed class WorklistClaims(UserManager<WorklistUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<WorklistUser, IdentityRole>(users, roles, options)
{
    public const string DisplayName = "DisplayName";
    public const string ReporterId = "ReporterId";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(WorklistUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        if (user.ReporterId is { } reporter)
        {
            identity.AddClaim(new Claim(ReporterId, reporter.ToString()));
        }

        return identity;
    }
}

internal static class ClaimsPrincipalExtensions
{
    public static Guid? ReporterId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(WorklistClaims.ReporterId), out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(WorklistClaims.DisplayName) ?? user.Identity?.Name ?? "unknown user";

    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The user has no id claim.");
}
