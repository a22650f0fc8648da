using System.Diagnostics;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Research;
using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Research;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ImagingWorklist.LoadBench;

/// <summary>
/// A research extract of 10^4 and 10^5 reports on PostgreSQL, with every field and without report text: approved
/// request → extract built (cohort, opt-outs, pseudonyms, scrubbing, small cells, Parquet and FHIR NDJSON written and
/// stored). Baseline in the same run: reading the same exams and reports with no de-identification and no files. The
/// reports are multiplied in SQL from the seeded demo network's own (as the dashboard benchmark does).
/// </summary>
internal sealed class ExtractBench(string server, int[] sizes)
{
    public async Task RunAsync()
    {
        Console.WriteLine("| Reports | Fields | Baseline read (s) | Extract (s) | Ratio | Rows out | Suppressed | Peak working set (MB) |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            var database = $"iw_extract_{Guid.NewGuid():N}";
            await DashboardBench.ExecuteAsync(server, $"CREATE DATABASE {database}");
            var connection = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
            try
            {
                await using var app = new WorklistAppFactory(DatabaseProvider.Postgres, connection, new Dictionary<string, string?>
                {
                    ["Logging:LogLevel:Default"] = "Warning",
                });
                _ = app.Services;
                var existing = await DashboardBench.ScalarAsync(connection, "SELECT count(*) FROM \"Exams\" WHERE \"State\" = 'Final'");
                await DashboardBench.MultiplyAsync(connection, Math.Max(0, size - (int)existing), open: 0);
                foreach (var fields in new[] { ExtractFields.All, ExtractFields.All & ~ExtractFields.ReportText })
                {
                    await MeasureAsync(app.Services, size, fields);
                }
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await DashboardBench.ExecuteAsync(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            }
        }
    }

    private static async Task MeasureAsync(IServiceProvider services, int size, ExtractFields fields)
    {
        var requests = services.GetRequiredService<DataAccessRequests>();
        var extracts = services.GetRequiredService<ResearchExtracts>();
        var today = UkCalendar.DayOf(DateTimeOffset.UtcNow);
        var trusts = (await requests.TrustChoicesAsync()).Select(t => t.Code).ToList();
        var researcher = new Actor("researcher");
        var draft = new DataAccessDraft($"Bench {size} {fields}", "Benchmark", "BENCH 1",
            new ResearchCohort { TrustCodes = trusts, From = today.AddYears(-2), To = today }, fields, today.AddDays(30));
        var id = (await requests.DraftAsync(draft, researcher)).ValueOrThrow();
        await requests.SubmitAsync(id, researcher);
        await requests.DecideAsync(id, true, null, new ResearchCaller(new Actor("guardian"), true));

        var baseline = Stopwatch.StartNew();
        var read = await ReadAllAsync(services.GetRequiredService<IDbContextFactory<WorklistDbContext>>());
        baseline.Stop();

        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var clock = Stopwatch.StartNew();
        var started = (await extracts.StartAsync(id, new ResearchCaller(researcher, false))).ValueOrThrow();
        await extracts.WhenBuiltAsync(started);
        clock.Stop();
        process.Refresh();
        var view = (await extracts.GetAsync(started, new ResearchCaller(researcher, false)))!;
        if (view.Status != ExtractStatus.Ready)
        {
            throw new InvalidOperationException(view.Error);
        }

        var name = fields == ExtractFields.All ? "all" : "all but report text";
        Console.WriteLine(
            $"| {read:N0} | {name} | {baseline.Elapsed.TotalSeconds:0.0} | {clock.Elapsed.TotalSeconds:0.0} | " +
                $"{clock.Elapsed / baseline.Elapsed:0.0} | {view.Rows:N0} | {view.Suppressed:N0} | " +
                $"{process.PeakWorkingSet64 / 1048576:N0} |");
    }

    /// <summary>The floor: the same exams and their reports read in the builder's batches, nothing done with them.</summary>
    private static async Task<int> ReadAllAsync(IDbContextFactory<WorklistDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var ids = await db.Exams.AsNoTracking().Where(e => e.State == Domain.Exams.ExamState.Final).OrderBy(e => e.Id).Select(e => e.Id)
            .ToListAsync();
        var count = 0;
        for (var start = 0; start < ids.Count; start += 2000)
        {
            var batch = ids.Skip(start).Take(2000).ToList();
            await using var round = await contexts.CreateDbContextAsync();
            count += (await round.Exams.AsNoTracking().Where(e => batch.Contains(e.Id)).ToListAsync()).Count;
            _ = await round.Reports.AsNoTracking().Where(r => batch.Contains(r.ExamId)).ToListAsync();
        }

        return count;
    }
}
