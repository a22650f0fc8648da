using ImagingWorklist.Persistence;
using Microsoft.AspNetCore.Identity;

namespace ImagingWorklist.Web.Identity;

internal static class AccountEndpoints
{
    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/account/logout", async (SignInManager<WorklistUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect(IdentitySetup.LoginPath);
        }).RequireAuthorization();
        return app;
    }
}
