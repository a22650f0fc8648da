using ImagingWorklist.Application.Audit;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Persistence;
using Microsoft.AspNetCore.Identity;

namespace ImagingWorklist.Web.Features.Account;

/// <summary>
/// Signing in with a user name and password, audited either way; the sign-in page shows the refusal it returns.
/// Lockout after repeated failures is Identity's.
/// </summary>
internal sealed class PasswordSignIn(SignInManager<WorklistUser> signIn, AuditTrail audit)
{
    /// <returns>
    /// When signed in, no refusal and the page this person starts their day on; otherwise what to tell them.
    /// </returns>
    public async Task<(string? Refusal, string Landing)> SignInAsync(string userName, string password, string? source)
    {
        var name = userName.Trim();
        var result = await signIn.PasswordSignInAsync(name, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditAction.SignedIn, name, "Signed in", source);
            return (null, await LandingAsync(name));
        }

        await audit.RecordAsync(AuditAction.SignInFailed, name, result.IsLockedOut ? "Locked out" : "Wrong user name or password", source);
        return (result.IsLockedOut
            ? "This account is locked for 15 minutes after repeated failed attempts. Ask an administrator if you need it sooner."
            : "That user name and password do not match an account. Check them and try again.", "/");
    }

    /// <summary>
    /// Reporters start on their worklist; a manager who reports nothing on the dashboard, a rota coordinator on the rota.
    /// </summary>
    private async Task<string> LandingAsync(string userName)
    {
        if (await signIn.UserManager.FindByNameAsync(userName) is not { } user || user.ReporterId is not null)
        {
            return "/";
        }

        var roles = await signIn.UserManager.GetRolesAsync(user);
        return roles.Contains(WorklistRoles.Manager) ? "/dashboard" : roles.Contains(WorklistRoles.RotaCoordinator) ? "/rota" : "/";
    }
}
