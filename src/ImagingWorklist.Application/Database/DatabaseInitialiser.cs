using ImagingWorklist.Application.Demo;
using ImagingWorklist.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ImagingWorklist.Application.Database;

/// <summary>Brings the schema up to date with the provider's migrations (the only way the schema is ever created), then seeds the demo
/// network if asked.</summary>
public sealed class DatabaseInitialiser(
    IDbContextFactory<WorklistDbContext> contexts,
    DemoNetworkSeeder seeder,
    ILogger<DatabaseInitialiser> logger)
{
    public async Task InitialiseAsync(bool seedDemo, DemoNetworkOptions demoOptions, CancellationToken cancellationToken = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (db.Database.IsSqlite())
            {
                // WAL lets readers carry on while one writer commits; it is a property of the file, so set it once here.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            }

            await db.Database.MigrateAsync(cancellationToken);
        }

        if (seedDemo)
        {
            await seeder.SeedIfEmptyAsync(demoOptions, cancellationToken);
        }
    }
}
