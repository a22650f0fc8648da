using System.Net;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using ImagingWorklist.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Web.IntegrationTests.Operations;

/// <summary>
/// Upgrading a working network: a populated database at the previous release's schema (this release's last migration
/// taken off by its own Down, so the data stays) is brought up to date by the app at start-up and carries on with
/// every row it had. Runs on both providers, since each has its own migrations.
/// </summary>
public sealed class UpgradeTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task APopulatedDatabaseAtThePreviousSchemaIsMigratedAtStartUpWithEveryRowKept(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        int openBefore;
        await using (var app = new WorklistAppFactory(provider, database.ConnectionString))
        {
            app.CreateClient();
            await DemoPeople.ClaimAndSignAsync(app.Services, "radiologist", "Signed under the previous release.");
            openBefore = DemoPeople.OpenInEngine(app.Services);
        }

        string latest;
        await using (var db = database.CreateDbContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            latest = migrations[^1];
            await db.GetService<IMigrator>().MigrateAsync(migrations[^2]);
            Assert.DoesNotContain(latest, await db.Database.GetAppliedMigrationsAsync());
        }

        var before = await CountRowsAsync(database);
        Assert.True(before["Exams"] > 0 && before["Reports"] > 0 && before["AuditEvents"] > 0 && before["OutboundReports"] > 0,
            string.Join(", ", before));

        await using (var upgraded = new WorklistAppFactory(provider, database.ConnectionString))
        {
            Assert.Equal(HttpStatusCode.OK, (await upgraded.CreateClient().GetAsync("/health/ready")).StatusCode);
            Assert.Equal(openBefore, DemoPeople.OpenInEngine(upgraded.Services));
            await DemoPeople.ClaimAndSignAsync(upgraded.Services, "radiologist2", "Signed after the upgrade.");
        }

        await using var check = database.CreateDbContext();
        Assert.Contains(latest, await check.Database.GetAppliedMigrationsAsync());
        var after = await CountRowsAsync(database);
        foreach (var (table, rows) in before)
        {
            Assert.True(after[table] >= rows, $"{table} had {rows} rows before the upgrade and {after[table]} after");
        }

        Assert.Equal(before["Exams"], after["Exams"]);
    }


    private static async Task<Dictionary<string, long>> CountRowsAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = database.Provider == DatabaseProvider.Sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM \"{table}\"";
            counts[table] = Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }
}
