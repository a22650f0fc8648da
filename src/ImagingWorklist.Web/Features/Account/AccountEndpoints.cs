using ImagingWorklist.Persistence;
using ImagingWorklist.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace ImagingWorklist.Web.Features.Account;

internal static class AccountEndpoints
{
    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        // Open to anyone: an idle session's cookie may have lapsed a moment before its page signs out, and signing out
        // someone already signed out does no harm. A signed-in caller must bring the form's antiforgery token.
        app.MapPost("/account/logout", async (HttpContext context, SignInManager<WorklistUser> signIn) =>
        {
            var signedIn = context.User.Identity?.IsAuthenticated == true;
            if (signedIn && context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
            {
                return Results.BadRequest("The sign-out form has expired. Reload the page and sign out again.");
            }

            if (signedIn)
            {
                await signIn.SignOutAsync();
            }

            var idle = context.Request.Query["reason"] == "idle";
            return Results.LocalRedirect(idle ? $"{IdentitySetup.LoginPath}?signedOut=idle" : IdentitySetup.LoginPath);
        }).AllowAnonymous().WithMetadata(new RequireAntiforgeryTokenAttribute());

        // The page's idle timer calls this while the user is active, so a long session in one page keeps its cookie.
        app.MapGet("/account/keepalive", () => Results.NoContent()).RequireAuthorization();
        return app;
    }
}
