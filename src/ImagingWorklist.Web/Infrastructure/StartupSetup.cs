using ImagingWorklist.Application.Database;
using ImagingWorklist.Application.Demo;
using ImagingWorklist.Application.Engine;
using ImagingWorklist.Web.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ImagingWorklist.Web.Infrastructure;

internal static class StartupSetup
{
    /// <summary>The half-minute housekeeping of <see cref="BackgroundWork"/>.</summary>
    public static IHostApplicationBuilder AddWorklistBackgroundWork(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<BackgroundWork>();
        return builder;
    }

    /// <summary>
    /// Migrates the database; unless Demo:Seed=false, seeds the demo network and its accounts into an empty one; then
    /// loads the prioritisation engine, before the app takes its first request.
    /// </summary>
    public static async Task InitialiseWorklistAsync(this WebApplication app)
    {
        var stopping = app.Lifetime.ApplicationStopping;

        // Every setting is checked before the database is touched: a mistyped setting stops start-up naming it, without
        // migrating or seeding first (the host would check them again only when it starts, after all of that).
        app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();

        // The meter provider starts listening when first asked for; ask now, so start-up's own measurements (the time
        // to build the engine) are not lost before the host starts it.
        _ = app.Services.GetService<OpenTelemetry.Metrics.MeterProvider>();
        var demo = app.Configuration.GetSection("Demo").Get<DemoNetworkOptions>() ?? new DemoNetworkOptions();
        var seed = app.Configuration.GetValue("Demo:Seed", defaultValue: true);
        await app.Services.GetRequiredService<DatabaseInitialiser>().InitialiseAsync(seed, demo, stopping);
        if (seed)
        {
            await app.Services.GetRequiredService<DemoUsers>().EnsureAsync(stopping);
            await app.Services.GetRequiredService<DemoClients>().EnsureAsync(stopping);
        }

        await app.Services.GetRequiredService<BootstrapAdmin>().EnsureAsync(stopping);
        await app.Services.GetRequiredService<WorklistEngineHost>().LoadAsync(stopping);
    }

    /// <summary>Says where the app can be reached once Kestrel has bound its addresses.</summary>
    public static void AnnounceAddresses(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                app.Logger.LogInformation("ImagingWorklist is ready: open {Address} in a browser", address);
            }
        });
}
