using ImagingWorklist.Web.Components;
using ImagingWorklist.Web.Security;
using Microsoft.AspNetCore.Diagnostics;
using MudBlazor.Services;

namespace ImagingWorklist.Web.Infrastructure;

internal static class WebSetup
{
    public static IHostApplicationBuilder AddWorklistWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddSingleton<Interop.DicomWeb.UpsEvents>();

        // A minimal-API parameter that cannot be read is reported with its reason (ApiErrors), not as a bare 400.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<ApiErrors>();
        return builder;
    }

    public static WebApplication UseWorklistWeb(this WebApplication app)
    {
        // In every environment, Development too: API clients never get a stack trace, and the tests see what users see.
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", CreateScopeForErrors = true });
        app.UseWorklistInputGuard();

        // People get a page for an address that does not exist; programs calling the APIs get the bare status code.
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.Use((context, next) =>
        {
            if (IsApi(context.Request.Path) && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            return next(context);
        });

        // One network, one language: dates, times and numbers read as a UK user expects, whatever the server's locale.
        app.UseRequestLocalization(new RequestLocalizationOptions()
            .SetDefaultCulture("en-GB")
            .AddSupportedCultures("en-GB")
            .AddSupportedUICultures("en-GB"));
        app.UseWorklistSecurityHeaders();
        app.UseWorklistAppAssets();
        app.UseRateLimiter();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        // Our own policy already forbids all framing (frame-ancestors 'none'); Blazor need not add a weaker second one.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }

    internal static bool IsApi(PathString path) =>
        path.StartsWithSegments("/dicomweb") || path.StartsWithSegments("/fhir") || path.StartsWithSegments("/api")
            || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/health")
        || path.StartsWithSegments(TelemetrySetup.MetricsPath);
}
