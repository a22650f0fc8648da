using ImagingWorklist.Web.Components;
using MudBlazor.Services;

namespace ImagingWorklist.Web.Infrastructure;

internal static class WebSetup
{
    public static IHostApplicationBuilder AddWorklistWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        return builder;
    }

    public static WebApplication UseWorklistWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found");

        // One network, one language: dates, times and numbers read as a UK user expects, whatever the server's locale.
        app.UseRequestLocalization(new RequestLocalizationOptions()
            .SetDefaultCulture("en-GB")
            .AddSupportedCultures("en-GB")
            .AddSupportedUICultures("en-GB"));
        app.UseWorklistAppAssets();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
