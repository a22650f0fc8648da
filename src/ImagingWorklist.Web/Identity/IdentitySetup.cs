using ImagingWorklist.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Web.Identity;

internal static class IdentitySetup
{
    public const string LoginPath = "/account/login";

    public static IHostApplicationBuilder AddWorklistIdentity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddAuthorization();

        // Identity's stores want a scoped context; it comes from the same factory as every other context.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<WorklistDbContext>>().CreateDbContext());
        services.AddIdentityCore<WorklistUser>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<WorklistDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<WorklistClaims>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = LoginPath;
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/denied";
            options.Cookie.Name = "ImagingWorklist.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;

            // Programs calling the APIs get a status code, not a redirect to a sign-in page they cannot show.
            options.Events.OnRedirectToLogin = context => Challenge(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => Challenge(context, StatusCodes.Status403Forbidden);
        });
        services.AddDataProtection().PersistKeysToDbContext<WorklistDbContext>().SetApplicationName("ImagingWorklist");
        services.AddSingleton<DemoUsers>();
        return builder;
    }

    private static Task Challenge(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (Infrastructure.WebSetup.IsApi(context.Request.Path))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
