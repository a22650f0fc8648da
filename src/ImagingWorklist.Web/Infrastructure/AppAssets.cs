using Microsoft.Extensions.FileProviders;

namespace ImagingWorklist.Web.Infrastructure;

internal static class AppAssets
{
    public const string FolderName = "app-assets";

    /// <summary>Serves the repository's top-level wwwroot/, which the build copies beside the app as app-assets/.</summary>
    public static WebApplication UseWorklistAppAssets(this WebApplication app)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, FolderName);
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"The app's static assets are missing: expected them in {folder}. Rebuild the app.");
        }

        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(folder),
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        return app;
    }
}
