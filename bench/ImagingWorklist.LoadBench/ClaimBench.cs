using System.Collections.Concurrent;
using System.Diagnostics;
using ImagingWorklist.Application.Claiming;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Engine;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ImagingWorklist.LoadBench;

/// <summary>
/// Claims through the application (EF Core, version-guarded update, audit row, engine update, notification) against a
/// raw-SQL baseline in the same run: one UPDATE … SKIP LOCKED plus the audit INSERT in a single statement. Each run
/// starts from a fresh copy of the same database; runs alternate baseline/app to spread machine noise over both.
/// </summary>
internal sealed class ClaimBench(DatabaseProvider provider, string? server, TimeSpan duration, int exams)
{
    private const string Template = "iw_bench_template";
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    public async Task RunAsync(int[] claimers, int rounds)
    {
        await CreateTemplateAsync();
        Console.WriteLine($"{provider}: {exams:N0} open exams, {duration.TotalSeconds:0} s per run, {rounds} round(s) per level");
        foreach (var level in claimers)
        {
            var raw = new Latencies();
            var app = new Latencies();
            var rawCount = 0;
            var appCount = 0;
            var appErrors = 0;
            for (var round = 0; round < rounds; round++)
            {
                if (provider == DatabaseProvider.Postgres)
                {
                    rawCount += await RawAsync(level, raw);
                }

                var (claims, errors) = await AppAsync(level, app);
                appCount += claims;
                appErrors += errors;
            }

            var seconds = duration.TotalSeconds * rounds;
            Console.WriteLine(
                $"  {level,2} claimer(s): app {appCount / seconds,7:0} claims/s, {app.Summary()}, errors reaching a user: {appErrors}");
            if (provider == DatabaseProvider.Postgres)
            {
                Console.WriteLine($"                raw {rawCount / seconds,7:0} claims/s, {raw.Summary()}");
                Console.WriteLine(
                    $"                ratio app/raw: throughput {(double)appCount / rawCount:0.00}, p99 " +
                        $"{app.Percentile(99) / raw.Percentile(99):0.00}");
            }
        }
    }

    private async Task<int> RawAsync(int claimers, Latencies latencies)
    {
        var (connection, drop) = await FreshDatabaseAsync();
        await using var source = NpgsqlDataSource.Create(connection);
        var reporters = await ReportersAsync(connection);
        var count = 0;
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, claimers).Select(c => Task.Run(async () =>
        {
            await using var conn = await source.OpenConnectionAsync();
            await using var command = new NpgsqlCommand(
                """
                WITH claimed AS (
                  UPDATE "Exams" SET "State" = 'Claimed', "ClaimedById" = @r, "ClaimToken" = gen_random_uuid(), "ClaimedAt" = now(),
                         "LeaseExpiresAt" = now() + interval '20 minutes', "Version" = "Version" + 1, "UpdatedAt" = now()
                  WHERE "Id" = (SELECT "Id" FROM "Exams" WHERE "State" = 'Ready' ORDER BY "DueAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
                  RETURNING "Id", "TrustId")
                INSERT INTO "AuditEvents" ("Id", "At", "Action", "Actor", "ExamId", "TrustId", "Detail")
                SELECT gen_random_uuid(), now(), 'InterpStarted', 'bench', "Id", "TrustId", 'raw claim' FROM claimed
                RETURNING "ExamId"
                """, conn);
            command.Parameters.AddWithValue("r", reporters[c % reporters.Count]);
            while (stop.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                if (await command.ExecuteScalarAsync() is null)
                {
                    break;
                }

                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Increment(ref count);
            }
        })));
        await drop();
        return count;
    }

    private async Task<(int Claims, int Errors)> AppAsync(int claimers, Latencies latencies)
    {
        var (connection, drop) = await FreshDatabaseAsync();
        var factory = new Factory(WorklistDatabase.Options(provider, connection));
        var engine = new WorklistEngineHost(factory, TimeProvider.System, NullLogger<WorklistEngineHost>.Instance);
        await engine.LoadAsync();
        var dispatcher = new WorklistChangeDispatcher(engine, NullLogger<WorklistChangeDispatcher>.Instance);
        var claims =
            new ClaimService(factory, engine, new ChangeAnnouncer(engine, new InProcessNotifier(dispatcher)), TimeProvider.System,
            new ClaimSettings(), NullLogger<ClaimService>.Instance);
        var reporters = await ReportersAsync(connection);
        Queue<Guid> ordered;
        await using (var db = factory.CreateDbContext())
        {
            ordered =
                new Queue<Guid>(await db.Exams.Where(e => e.State == ExamState.Ready).OrderBy(e => e.DueAt).Select(e => e.Id)
                .ToListAsync());
        }

        var queue = new ConcurrentQueue<Guid>(ordered);
        var count = 0;
        var errors = 0;
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, claimers).Select(c => Task.Run(async () =>
        {
            var reporter = reporters[c % reporters.Count];
            var actor = new Actor($"bench {c}", reporter);
            while (stop.Elapsed < duration && queue.TryDequeue(out var examId))
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var claim = await claims.ClaimAsync(examId, reporter, actor);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (claim.Succeeded)
                    {
                        Interlocked.Increment(ref count);
                    }
                }
                catch (Exception)
                {
                    // Any exception here (a "database is locked" above all) is an error a user would see.
                    Interlocked.Increment(ref errors);
                }
            }
        })));
        await drop();
        return (count, errors);
    }

    private async Task CreateTemplateAsync()
    {
        var connection = provider == DatabaseProvider.Postgres ? await RecreateAsync(Template) : $"Data Source={TemplatePath}";
        if (provider == DatabaseProvider.Sqlite)
        {
            File.Delete(TemplatePath);
        }

        await using var db = new WorklistDbContext(WorklistDatabase.Options(provider, connection));
        await db.Database.MigrateAsync();
        var fixture = new NetworkFixture();
        db.AddRange(fixture.Organisations);
        for (var r = 0; r < 32; r++)
        {
            db.AddRange(fixture.OnDutyReporter($"Bench reporter {r}", Now, capacityMinutes: 1_000_000).Rows);
        }

        for (var i = 0; i < exams; i++)
        {
            db.Add(fixture.ReadyExam(i % 2 == 0 ? fixture.SiteA : fixture.SiteB, Now, TimeSpan.FromMinutes(5 + (i % 5000))));
        }

        await db.SaveChangesAsync();
        NpgsqlConnection.ClearAllPools();
        SqliteConnection.ClearAllPools();
    }

    private static string TemplatePath => Path.Combine(Path.GetTempPath(), "iw-bench-template.db");

    private async Task<(string Connection, Func<Task> Drop)> FreshDatabaseAsync()
    {
        var name = $"iw_bench_{Guid.NewGuid():N}";
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), name + ".db");
            File.Copy(TemplatePath, path);
            return ($"Data Source={path}", () =>
            {
                SqliteConnection.ClearAllPools();
                File.Delete(path);
                return Task.CompletedTask;
            });
        }

        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{Template}\"");
        return (WithDatabase(name), async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"DROP DATABASE \"{name}\" WITH (FORCE)");
        });
    }

    private async Task<string> RecreateAsync(string name)
    {
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return WithDatabase(name);
    }

    private async Task<List<Guid>> ReportersAsync(string connection)
    {
        await using var db = new WorklistDbContext(WorklistDatabase.Options(provider, connection));
        return await db.Reporters.Select(r => r.Id).ToListAsync();
    }

    private string WithDatabase(string name)
        => new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 100 }.ConnectionString;

    private async Task ExecuteAsync(string sql)
    {
        await using var connection =
            new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class Factory(DbContextOptions<WorklistDbContext> options) : IDbContextFactory<WorklistDbContext>
    {
        public WorklistDbContext CreateDbContext() => new(options);
    }
}
