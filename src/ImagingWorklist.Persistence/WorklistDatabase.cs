using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Persistence;

/// <summary>The one place that knows how each provider is wired, so the app, the tests and the design-time tools agree.</summary>
public static class WorklistDatabase
{
    public const string SqliteMigrationsAssembly = "ImagingWorklist.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "ImagingWorklist.Migrations.Postgres";

    public static DbContextOptionsBuilder Configure(this DbContextOptionsBuilder options, DatabaseProvider provider,
        string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => options
                .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly))
                
                // The audit check goes first: a refused save must not leave the write gate held.
                .AddInterceptors(AuditAppendOnly.Instance, SqliteWriteGate.Instance),
            DatabaseProvider.Postgres => options.UseNpgsql(Pooled(connectionString),
                npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly))
                .AddInterceptors(AuditAppendOnly.Instance),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };

    /// <summary>
    /// A pooled connection is not reset (DISCARD ALL) each time it goes back to the pool: the app keeps no session state
    /// (no temporary tables, session settings, advisory locks or LISTEN), and the reset cost PostgreSQL a statement per
    /// query. An explicit "No Reset On Close" in the connection string wins.
    /// </summary>
    private static string Pooled(string connectionString) =>
        connectionString.Contains("Reset", StringComparison.OrdinalIgnoreCase)
            ? connectionString
            : new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;

    public static DbContextOptions<WorklistDbContext> Options(DatabaseProvider provider, string connectionString) =>
        (DbContextOptions<WorklistDbContext>)new DbContextOptionsBuilder<WorklistDbContext>().Configure(provider, connectionString).Options;
}
