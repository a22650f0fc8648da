using ImagingWorklist.Persistence;
using ImagingWorklist.Web.Features.Account;
using ImagingWorklist.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Web.Security;

internal static class IdentitySetup
{
    public const string LoginPath = "/account/login";

    /// <summary>The default scheme: the sign-in cookie for people in the browser, the bearer token for programs.</summary>
    public const string CookieOrToken = "CookieOrToken";

    public static IHostApplicationBuilder AddWorklistIdentity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieOrToken;
                options.DefaultChallengeScheme = CookieOrToken;
                options.DefaultForbidScheme = CookieOrToken;
            })
            .AddPolicyScheme(CookieOrToken, "Sign-in cookie or bearer token", options =>
                options.ForwardDefaultSelector = context
                    => OpenIdSetup.UsesToken(context) ? OpenIdSetup.TokenScheme : IdentityConstants.ApplicationScheme)
            .AddIdentityCookies();
        services.AddAuthorizationBuilder().AddWorklistPolicies();
        var security = builder.Settings<SecuritySettings>();
        var requireHttps = security.RequiresHttps(builder.Environment.IsDevelopment());
        var idle = TimeSpan.FromMinutes(security.IdleTimeoutMinutes);

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
            options.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

            // An idle session ends: the cookie lapses after Security:IdleTimeoutMinutes without a request, and the
            // page's idle timer (session.js) signs out an open but untouched browser at the same moment.
            options.ExpireTimeSpan = idle;
            options.SlidingExpiration = true;

            // Programs calling the APIs get a status code, not a redirect to a sign-in page they cannot show.
            options.Events.OnRedirectToLogin = context => Challenge(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => Challenge(context, StatusCodes.Status403Forbidden);
        });
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(5));
        services.AddAntiforgery(options =>
        {
            options.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

            // Framing is forbidden outright (X-Frame-Options DENY and frame-ancestors, SecuritySetup), not just cross-site.
            options.SuppressXFrameOptionsHeader = true;
        });
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingUserState>();
        services.AddSingleton(new IdleTimeout(idle));
        ProtectKeyRing(services.AddDataProtection().PersistKeysToDbContext<WorklistDbContext>().SetApplicationName("ImagingWorklist"),
            builder);
        services.AddSingleton<DemoUsers>();
        services.AddSingleton<DemoClients>();
        services.AddSingleton<BootstrapAdmin>();
        services.AddScoped<ClientAdministration>();
        services.AddScoped<Features.Research.ResearchClients>();
        services.AddSingleton<Application.Research.IExtractFormat, Interop.Fhir.FhirResearchExtract>();
        services.AddScoped<PasswordSignIn>();
        return builder;
    }

    /// <summary>
    /// The data-protection key ring (which protects sign-in cookies and antiforgery tokens) is shared by every instance
    /// through the database; outside Development it is stored encrypted with <c>DataProtection:Certificate</c>, or the
    /// token encryption certificate when that is not set, and any instance holding the certificate can read it.
    /// <c>DataProtection:PreviousCertificate</c> still reads keys written before a certificate was replaced.
    /// </summary>
    private static void ProtectKeyRing(IDataProtectionBuilder keys, IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var development = builder.Environment.IsDevelopment();
        var certificate = configuration["DataProtection:Certificate:Path"] is { Length: > 0 }
            ? OpenIdSetup.Certificate(configuration, "DataProtection:Certificate", development)
            : OpenIdSetup.Certificate(configuration, "OpenIddict:EncryptionCertificate", development);
        if (certificate is null)
        {
            return;
        }

        var readers = configuration["DataProtection:PreviousCertificate:Path"] is { Length: > 0 }
            ? [certificate, OpenIdSetup.Certificate(configuration, "DataProtection:PreviousCertificate", development)!]
            : new[] { certificate };
        keys.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(readers);
    }

    private static Task Challenge(
        RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
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
