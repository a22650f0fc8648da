using ImagingWorklist.Persistence;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace ImagingWorklist.Web.Security;

internal static class AccountEndpoints
{
    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/account/logout", async (HttpRequest request, SignInManager<WorklistUser> signIn) =>
        {
            if (request.HttpContext.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
            {
                return Results.BadRequest("The sign-out form has expired. Reload the page and sign out again.");
            }

            await signIn.SignOutAsync();
            var idle = request.HasFormContentType && request.Form["reason"] == "idle";
            return Results.LocalRedirect(idle ? $"{IdentitySetup.LoginPath}?signedOut=idle" : IdentitySetup.LoginPath);
        }).RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());

        // The page's idle timer calls this while the user is active, so a long session in one page keeps its cookie.
        app.MapGet("/account/keepalive", () => Results.NoContent()).RequireAuthorization();
        return app;
    }
}
