using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The one place that knows how each provider is wired, so the app, the tests and the design-time tools agree.</summary>
public static class WorklistDatabase
{
    public const string SqliteMigrationsAssembly = "ImagingWorklist.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "ImagingWorklist.Migrations.Postgres";

    public static DbContextOptionsBuilder Configure(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => options
                .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly))
                
                // The audit check goes first: a refused save must not leave the write gate held.
                .AddInterceptors(AuditAppendOnly.Instance, SqliteWriteGate.Instance),
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly))
                .AddInterceptors(AuditAppendOnly.Instance),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };

    public static DbContextOptions<WorklistDbContext> Options(DatabaseProvider provider, string connectionString) =>
        (DbContextOptions<WorklistDbContext>)new DbContextOptionsBuilder<WorklistDbContext>().Configure(provider, connectionString).Options;
}
