using ImagingWorklist.Application.Database;
using ImagingWorklist.Application.Demo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ImagingWorklist.Web.Infrastructure;

internal static class StartupSetup
{
    /// <summary>Migrates the database and, unless Demo:Seed=false, seeds the demo network into an empty one.</summary>
    public static async Task InitialiseWorklistDatabaseAsync(this WebApplication app)
    {
        var demo = app.Configuration.GetSection("Demo").Get<DemoNetworkOptions>() ?? new DemoNetworkOptions();
        var seed = app.Configuration.GetValue("Demo:Seed", defaultValue: true);
        await app.Services.GetRequiredService<DatabaseInitialiser>().InitialiseAsync(seed, demo, app.Lifetime.ApplicationStopping);
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
