using System.Diagnostics;
using System.Globalization;
using ImagingWorklist.Application.Dashboards;
using ImagingWorklist.Application.Reporting;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ImagingWorklist.LoadBench;

/// <summary>
/// The dashboard's queries over 10^6 historic (reported, with their reports) and 5 × 10^4 open exams on PostgreSQL: the
/// whole page as it loads (findings alerts, summary, backlog by trust, turnaround over 30 days, last month's return), and
/// the reporter-activity page. Baseline in the same run: one full count of the exams table. The rows are multiplied in
/// SQL from the seeded demo network's own exams (each copy shifted back in time by up to a year), so every column is
/// realistic and nothing is loaded into the harness.
/// </summary>
/// <param name="keep">A database name to fill once and keep for later runs (for working on the queries); none: a throwaway one.</param>
internal sealed class DashboardBench(string server, int historic, int open, int iterations, string? keep = null)
{
    public async Task RunAsync()
    {
        var database = keep ?? $"iw_dashboard_{Guid.NewGuid():N}";
        var fill = keep is null
            || await ScalarAsync(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString,
            $"SELECT count(*) FROM pg_database WHERE datname = '{keep}'") == 0;
        if (fill)
        {
            await ExecuteAsync(server, $"CREATE DATABASE {database}");
        }

        var connection = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        try
        {
            await using var app = new WorklistAppFactory(DatabaseProvider.Postgres, connection, new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Warning",
            });
            _ = app.Services;
            var clock = Stopwatch.StartNew();
            if (fill)
            {
                await MultiplyAsync(connection, historic, open);
            }

            Console.WriteLine(
                $"Filled in {clock.Elapsed.TotalSeconds:0} s: " +
                    $"{await ScalarAsync(connection, "SELECT count(*) FROM \"Exams\" WHERE \"State\" IN ('Final','Amended')"):N0} " +
                        $"reported, " +
                $"{await ScalarAsync(connection, "SELECT count(*) FROM \"Exams\" WHERE \"State\" IN " +
                    "('Ready','Claimed','OnHold','Preliminary','AwaitingVerification')"):N0} open, " +
                $"{await ScalarAsync(connection, "SELECT count(*) FROM \"Reports\""):N0} reports");

            var services = app.Services;
            var now = DateTimeOffset.UtcNow;
            var scope = AccessScope.WholeNetwork;
            var month = new DateOnly(now.Year, now.Month, 1).AddMonths(-1);
            var monthStart = new DateTimeOffset(month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            async Task Page()
            {
                await services.GetRequiredService<CriticalFindings>().AlertsAsync(scope);
                await services.GetRequiredService<BacklogQuery>().SummaryAsync(scope);
                await services.GetRequiredService<BacklogBreakdownQuery>().BreakdownAsync(BacklogDimension.Trust, scope);
                await services.GetRequiredService<TurnaroundQuery>().ReportAsync(now.AddDays(-30), now, scope);
                await services.GetRequiredService<MonthlyReturnQuery>().ReturnAsync(month, monthStart, monthStart.AddMonths(1), scope);
            }

            Task Activity() => services.GetRequiredService<ReporterActivityQuery>().ReportAsync(now.AddDays(-30), now, scope);

            async Task Baseline()
            {
                await ScalarAsync(connection, "SELECT count(*) FROM \"Exams\"");
            }

            var parts = new (string Name, Func<Task> Query)[]
            {
                ("findings alerts", () => services.GetRequiredService<CriticalFindings>().AlertsAsync(scope)),
                ("summary", () => services.GetRequiredService<BacklogQuery>().SummaryAsync(scope)),
                ("backlog by trust", () => services.GetRequiredService<BacklogBreakdownQuery>()
                    .BreakdownAsync(BacklogDimension.Trust, scope)),
                ("turnaround, 30 days", () => services.GetRequiredService<TurnaroundQuery>().ReportAsync(now.AddDays(-30), now, scope)),
                ("monthly return", () => services.GetRequiredService<MonthlyReturnQuery>()
                    .ReturnAsync(month, monthStart, monthStart.AddMonths(1), scope)),
            };
            foreach (var (name, query) in parts)
            {
                Console.WriteLine($"    {name,-22} p50 {(await MeasureAsync(query, 5)).Percentile(50),6:0} ms");
            }

            var baseline = await MeasureAsync(Baseline);
            var page = await MeasureAsync(Page);
            var activity = await MeasureAsync(Activity);
            Console.WriteLine($"  baseline (count every exam):   {baseline.Summary()}");
            Console.WriteLine(
                $"  dashboard page (5 queries):    {page.Summary()}, p95 {page.Percentile(95):0} ms; p95 / baseline p50 = " +
                    $"{page.Percentile(95) / baseline.Percentile(50):0.0}");
            Console.WriteLine(
                $"  reporter activity (30 days):   {activity.Summary()}, p95 {activity.Percentile(95):0} ms; p95 / baseline p50 = " +
                    $"{activity.Percentile(95) / baseline.Percentile(50):0.0}");
            Console.WriteLine($"  target: whole dashboard page p95 ≤ 1,000 ms: {(page.Percentile(95) <= 1000 ? "met" : "NOT met")}");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (keep is null)
            {
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            }
        }
    }

    private async Task<Latencies> MeasureAsync(Func<Task> action, int? times = null)
    {
        var latencies = new Latencies();
        for (var i = 0; i < 3 + (times ?? iterations); i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            if (i >= 3)
            {
                latencies.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return latencies;
    }

    /// <summary>
    /// Copies of the seeded exams: reported ones (with their reports) shifted back by up to a year, open ones by up to
    /// three days; ids from md5 of the copy number so an exam and its report agree; accessions and UIDs made unique.
    /// </summary>
    internal static async Task MultiplyAsync(string connection, int historic, int open)
    {
        var examColumns = await ColumnsAsync(connection, "Exams");
        var reportColumns = await ColumnsAsync(connection, "Reports");
        string Select(IReadOnlyList<(string Name, string Type)> columns, string alias, Dictionary<string, string> overrides, string shift)
            =>
            string.Join(", ", columns.Select(c => overrides.TryGetValue(c.Name, out var value) ? value
                : c.Type.StartsWith("timestamp", StringComparison.Ordinal) ? $"{alias}.\"{c.Name}\" - {shift}"
                : $"{alias}.\"{c.Name}\""));
        string Names(IReadOnlyList<(string Name, string Type)> columns) => string.Join(", ", columns.Select(c => $"\"{c.Name}\""));

        const string HistoricShift = "make_interval(days => (g % 365)::int, mins => ((g * 7) % 1440)::int)";
        var examOverrides = new Dictionary<string, string>
        {
            ["Id"] = "md5('h' || g)::uuid",
            ["Accession"] = "'H' || lpad(g::text, 10, '0')",
            ["StudyInstanceUid"] = "CASE WHEN t.\"StudyInstanceUid\" IS NULL THEN NULL ELSE '2.25.91' || g END",
        };

        // The templates are fixed first (numbered, with their count as a constant) so the join is a hash join on rn.
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        async Task<long> RunAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, db) { CommandTimeout = 0 };
            return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, CultureInfo.InvariantCulture);
        }

        var reported = await RunAsync("""
            CREATE TEMP TABLE reported_templates AS SELECT *, row_number() OVER (ORDER BY "Id") AS rn FROM "Exams" WHERE "State" = 'Final';
            SELECT count(*) FROM reported_templates
            """);
        await RunAsync($"""
            INSERT INTO "Exams" ({Names(examColumns)})
            SELECT {Select(examColumns, "t", examOverrides, HistoricShift)}
            FROM generate_series(1, {historic}) g JOIN reported_templates t ON t.rn = (g % {reported}) + 1
            """);
        var reportOverrides = new Dictionary<string, string>
        {
            ["Id"] = "md5('r' || g)::uuid",
            ["ExamId"] = "md5('h' || g)::uuid",
        };
        await RunAsync($"""
            INSERT INTO "Reports" ({Names(reportColumns)})
            SELECT {Select(reportColumns, "r", reportOverrides, HistoricShift)}
            FROM generate_series(1, {historic}) g JOIN reported_templates t ON t.rn = (g % {reported}) + 1
            JOIN "Reports" r ON r."ExamId" = t."Id" AND r."AddendumToId" IS NULL
            """);

        var ready = await RunAsync("""
            CREATE TEMP TABLE open_templates AS SELECT *, row_number() OVER (ORDER BY "Id") AS rn FROM "Exams" WHERE "State" = 'Ready';
            SELECT count(*) FROM open_templates
            """);
        var existingOpen =
            await RunAsync(
            "SELECT count(*) FROM \"Exams\" WHERE \"State\" IN ('Ready','Claimed','OnHold','Preliminary','AwaitingVerification')");
        examOverrides["Id"] = "md5('o' || g)::uuid";
        examOverrides["Accession"] = "'O' || lpad(g::text, 10, '0')";
        examOverrides["StudyInstanceUid"] = "CASE WHEN t.\"StudyInstanceUid\" IS NULL THEN NULL ELSE '2.25.92' || g END";
        await RunAsync($"""
            INSERT INTO "Exams" ({Names(examColumns)})
            SELECT {Select(examColumns, "t", examOverrides, "make_interval(mins => ((g * 13) % 4320)::int)")}
            FROM generate_series(1, {Math.Max(0, open - existingOpen)}) g JOIN open_templates t ON t.rn = (g % {ready}) + 1
            """);
        await ExecuteAsync(connection, "VACUUM ANALYZE");
    }

    private static async Task<List<(string Name, string Type)>> ColumnsAsync(string connection, string table)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command =
            new NpgsqlCommand(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = @table ORDER BY ordinal_position", db);
        command.Parameters.AddWithValue("table", table);
        var columns = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add((reader.GetString(0), reader.GetString(1)));
        }

        return columns;
    }

    internal static async Task<long> ScalarAsync(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db) { CommandTimeout = 0 };
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    internal static async Task ExecuteAsync(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
