using ImagingWorklist.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ImagingWorklist.TestSupport;

/// <summary>
/// A fresh, migrated, empty database per test, on either provider. PostgreSQL databases are cloned from a template
/// migrated once per test run, so each test starts clean in milliseconds rather than re-running migrations.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<WorklistDbContext>, IAsyncDisposable
{
    /// <summary>Server connection string for PostgreSQL tests; ./test.sh starts a throwaway cluster and sets it.</summary>
    public const string PostgresVariable = "WORKLIST_TEST_POSTGRES";

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _templateName;

    private readonly string? _sqlitePath;
    private readonly string? _postgresDatabase;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqlitePath, string? postgresDatabase)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Options = WorklistDatabase.Options(provider, connectionString);
        _sqlitePath = sqlitePath;
        _postgresDatabase = postgresDatabase;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public DbContextOptions<WorklistDbContext> Options { get; }

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                $"PostgreSQL tests need {PostgresVariable} (a connection string to a server whose user may create databases). " +
                "Run ./test.sh, which starts a throwaway PostgreSQL and sets it.");

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), $"iw-test-{Guid.NewGuid():N}.db");
            var sqlite = new TestDatabase(provider, $"Data Source={path}", path, null);
            await using var db = sqlite.CreateDbContext();
            await db.Database.MigrateAsync();
            return sqlite;
        }

        var template = await EnsurePostgresTemplateAsync();
        var name = $"iw_test_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return new TestDatabase(provider, WithDatabase(name), null, name);
    }

    public WorklistDbContext CreateDbContext() => new(Options);

    public async ValueTask DisposeAsync()
    {
        if (_sqlitePath is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqlitePath, _sqlitePath + "-wal", _sqlitePath + "-shm" })
            {
                File.Delete(file);
            }
        }

        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)");
        }
    }

    private static async Task<string> EnsurePostgresTemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_templateName is not null)
            {
                return _templateName;
            }

            var name = $"iw_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
            await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\"");
            await using (var db = new WorklistDbContext(WorklistDatabase.Options(DatabaseProvider.Postgres, WithDatabase(name))))
            {
                await db.Database.MigrateAsync();
            }

            // CREATE DATABASE ... TEMPLATE refuses while anyone is connected to the template.
            NpgsqlConnection.ClearAllPools();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DropQuietly(name);
            return _templateName = name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static void DropQuietly(string name)
    {
        try
        {
            ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult();
        }
        catch (NpgsqlException)
        {
            // The throwaway cluster may already be gone; nothing is left to clean.
        }
    }

    private static string WithDatabase(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = database, Pooling = true }.ConnectionString;

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection =
            new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
