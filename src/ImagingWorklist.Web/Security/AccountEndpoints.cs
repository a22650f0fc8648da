using ImagingWorklist.Persistence;
using Microsoft.AspNetCore.Identity;

namespace ImagingWorklist.Web.Security;

internal static class AccountEndpoints
{
    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/account/logout", async (HttpRequest request, SignInManager<WorklistUser> signIn) =>
        {
            await signIn.SignOutAsync();
            var idle = request.HasFormContentType && request.Form["reason"] == "idle";
            return Results.LocalRedirect(idle ? $"{IdentitySetup.LoginPath}?signedOut=idle" : IdentitySetup.LoginPath);
        }).RequireAuthorization().WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());

        // The page's idle timer calls this while the user is active, so a long session in one page keeps its cookie.
        app.MapGet("/account/keepalive", () => Results.NoContent()).RequireAuthorization();
        return app;
    }
}
