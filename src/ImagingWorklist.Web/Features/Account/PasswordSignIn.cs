using ImagingWorklist.Application.Audit;
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
    /// <returns>Null when signed in; otherwise what to tell the person.</returns>
    public async Task<string?> SignInAsync(string userName, string password, string? source)
    {
        var name = userName.Trim();
        var result = await signIn.PasswordSignInAsync(name, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditAction.SignedIn, name, "Signed in", source);
            return null;
        }

        await audit.RecordAsync(AuditAction.SignInFailed, name, result.IsLockedOut ? "Locked out" : "Wrong user name or password", source);
        return result.IsLockedOut
            ? "This account is locked for 15 minutes after repeated failed attempts. Ask an administrator if you need it sooner."
            : "That user name and password do not match an account. Check them and try again.";
    }
}
