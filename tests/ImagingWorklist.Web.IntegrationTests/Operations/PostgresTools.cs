using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ImagingWorklist.Web.IntegrationTests.Operations;

/// <summary>
/// The PostgreSQL client and server programs the operator's runbook uses (pg_dump, pg_restore, initdb, pg_ctl), from
/// WORKLIST_TEST_PG_BIN (./test.sh sets it to the server's own version) or the newest installed version.
/// </summary>
internal static class PostgresTools
{
    public static string Bin =>
        Environment.GetEnvironmentVariable("WORKLIST_TEST_PG_BIN") is { Length: > 0 } configured
            ? configured
            : Directory.GetDirectories("/usr/lib/postgresql").OrderBy(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")).LastOrDefault()
              ?? throw new InvalidOperationException(
                  "No PostgreSQL programs found under /usr/lib/postgresql; run ./test.sh, which installs them.");

    /// <summary>libpq's keyword form of an Npgsql connection string (the programs take it as their database name).</summary>
    public static string Libpq(string connectionString)
    {
        var npgsql = new NpgsqlConnectionStringBuilder(connectionString);
        return $"host={npgsql.Host} port={npgsql.Port} user={npgsql.Username} dbname={npgsql.Database}";
    }

    public static async Task<string> RunAsync(string program, params string[] arguments)
    {
        // PostgreSQL's server programs refuse to run as root; the Debian package made the postgres user for them.
        var asRoot = Environment.UserName == "root";
        var start =
            new ProcessStartInfo(asRoot ? "runuser" : Path.Combine(Bin, program)) { RedirectStandardOutput = true,
            RedirectStandardError = true };
        if (asRoot)
        {
            foreach (var part in new[] { "-u", "postgres", "--", Path.Combine(Bin, program) })
            {
                start.ArgumentList.Add(part);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
    }

    /// <summary>Every table's row count and an MD5 of its rows in a fixed order: two databases with equal fingerprints hold the same
    /// data.</summary>
    public static async Task<SortedDictionary<string, string>> FingerprintAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list =
            new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var fingerprints = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT count(*) || ' rows, md5 ' || md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM \"{table}\" t",
                    connection);
            fingerprints[table] = (string)(await command.ExecuteScalarAsync())!;
        }

        return fingerprints;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A fresh PostgreSQL server of its own (initdb in a temporary folder, loopback only), stopped and removed afterwards.</summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly DirectoryInfo _folder;

    private ThrowawayPostgres(DirectoryInfo folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=false";

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("iw-pg-fresh-");
        if (Environment.UserName == "root")
        {
            using var chown = Process.Start("chown", ["postgres", folder.FullName]);
            await chown.WaitForExitAsync();
        }

        var server = new ThrowawayPostgres(folder, PostgresTools.FreePort());
        await PostgresTools.RunAsync("initdb", "-D", server.Data, "-A", "trust", "-U", "postgres", "--no-sync");
        await server.StartAgainAsync();
        return server;
    }

    private string Data => Path.Combine(_folder.FullName, "data");

    /// <summary>Stops the server as an operator's restart does (fast: sessions are ended, nothing is lost).</summary>
    public Task StopAsync() => PostgresTools.RunAsync("pg_ctl", "-D", Data, "-m", "fast", "-w", "stop");

    public Task StartAgainAsync()
        => PostgresTools.RunAsync("pg_ctl", "-D", Data, "-l", Path.Combine(_folder.FullName, "log"), "-w", "-t", "60",
        "-o", $"-p {Port} -k {_folder.FullName} -c listen_addresses=127.0.0.1 -c fsync=off", "start");

    public async Task CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(Data, "postmaster.pid")))
        {
            await PostgresTools.RunAsync("pg_ctl", "-D", Data, "-m", "immediate", "stop");
        }

        _folder.Delete(recursive: true);
    }
}
