using System.Security.Claims;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Security;
using OpenIddict.Abstractions;

namespace ImagingWorklist.Web.Security;

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
