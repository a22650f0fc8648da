using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using Npgsql;

namespace ImagingWorklist.LoadBench;

/// <summary>
/// An instance joining a network: the built app started as its own process on a PostgreSQL database holding 10^6
/// reported and 10^5 open exams, timed from process start to ready (engine built) and to the first worklist served
/// (50 ranked workitems over DICOMweb with a token), with its resident memory then. Baseline in the same run: the same
/// process on the demo network alone (about 3,000 exams). Runs alternate baseline and scale, three each.
/// </summary>
internal sealed class ColdStartBench(string server, int historic, int open)
{
    public async Task RunAsync()
    {
        var small = $"iw_cold_small_{Guid.NewGuid():N}";
        var large = $"iw_cold_large_{Guid.NewGuid():N}";
        try
        {
            foreach (var name in new[] { small, large })
            {
                await DashboardBench.ExecuteAsync(server, $"CREATE DATABASE {name}");
                await using var seeding =
                    new WorklistAppFactory(DatabaseProvider.Postgres, Connection(name), new Dictionary<string,
                    string?> { ["Logging:LogLevel:Default"] = "Warning" });
                _ = seeding.Services;
            }

            var fill = Stopwatch.StartNew();
            await DashboardBench.MultiplyAsync(Connection(large), historic, open);
            Console.WriteLine(
                $"Filled in {fill.Elapsed.TotalSeconds:0} s: {await OpenAsync(large):N0} open of " +
                    $"{await DashboardBench.ScalarAsync(Connection(large), "SELECT count(*) FROM \"Exams\""):N0} exams; " +
                $"baseline {await OpenAsync(small):N0} open of " +
                    $"{await DashboardBench.ScalarAsync(Connection(small), "SELECT count(*) FROM \"Exams\""):N0}");

            var runs = new List<(string Which, Start Start)>();
            for (var round = 0; round < 3; round++)
            {
                runs.Add(("baseline", await StartOnceAsync(small)));
                runs.Add(("scale", await StartOnceAsync(large)));
            }

            Console.WriteLine(
                "| Database | Open exams | Process start → ready (s) | → first worklist (s) | Engine build (s) | Resident memory (MB) |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            foreach (var (which, name) in new[] { ("demo network (baseline)", small), ($"{historic:N0} reported + {open:N0} open", large) })
            {
                var mine = runs.Where(r => r.Which == (name == small ? "baseline" : "scale")).Select(r => r.Start).ToList();
                Console.WriteLine(
                    $"| {which} | {await OpenAsync(name):N0} | {Median(mine, s => s.Ready):0.0} | " +
                        $"{Median(mine, s => s.FirstWorklist):0.0} | " +
                    $"{Median(mine, s => s.EngineBuild):0.0} | {Median(mine, s => s.ResidentMegabytes):N0} |");
            }

            var scale = runs.Where(r => r.Which == "scale").Select(r => r.Start).ToList();
            var baseline = runs.Where(r => r.Which == "baseline").Select(r => r.Start).ToList();
            Console.WriteLine(
                $"Ratio to the baseline (first worklist): " +
                    $"{Median(scale, s => s.FirstWorklist) / Median(baseline, s => s.FirstWorklist):0.0}; " +
                $"target ≤ 20 s to the first worklist at scale: {(Median(scale, s => s.FirstWorklist) <= 20 ? "met" : "NOT met")}");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            foreach (var name in new[] { small, large })
            {
                await DashboardBench.ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
        }
    }

    private sealed record Start(double Ready, double FirstWorklist, double EngineBuild, double ResidentMegabytes);

    private string Connection(string database) => new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;

    private async Task<long> OpenAsync(string database) =>
        await DashboardBench.ScalarAsync(Connection(database),
            "SELECT count(*) FROM \"Exams\" WHERE \"State\" IN ('Ready','Claimed','Preliminary')");

    private static double Median<T>(List<T> items, Func<T, double> value) => items.Select(value).Order().ElementAt(items.Count / 2);

    private async Task<Start> StartOnceAsync(string database)
    {
        var port = FreePort();
        var app = Path.Combine(AppContext.BaseDirectory, "ImagingWorklist.Web.dll");
        var start =
            new ProcessStartInfo("dotnet", [app]) { RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory };
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Worklist"] = Connection(database),
            ["Demo__UserPassword"] = WorklistAppFactory.DemoPassword,
            ["Demo__IntegrationClientSecret"] = WorklistAppFactory.RisSecret,
            ["Hl7__MllpPort"] = "-1",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__ImagingWorklist.Application.Engine"] = "Information",
        })
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var build = new TaskCompletionSource<double>();
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text && text.Contains(" ms", StringComparison.Ordinal)
                && text.Contains("open exams", StringComparison.Ordinal)
                && double.TryParse(
                    text[(text.LastIndexOf(" in ", StringComparison.Ordinal) + 4)..text.LastIndexOf(" ms", StringComparison.Ordinal)],
                    CultureInfo.InvariantCulture, out var ms))
            {
                build.TrySetResult(ms / 1000);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
            while (true)
            {
                try
                {
                    if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                }

                if (process.HasExited || clock.Elapsed > TimeSpan.FromMinutes(3))
                {
                    throw new InvalidOperationException("The app did not become ready within three minutes.");
                }

                await Task.Delay(50);
            }

            var ready = clock.Elapsed.TotalSeconds;
            var token = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = "demo-ris",
                ["client_secret"] = WorklistAppFactory.RisSecret,
                ["scope"] = "worklist.read",
            }));
            var access = (await token.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/dicomweb/workitems?limit=50");
            request.Headers.Authorization = new("Bearer", access);
            (await client.SendAsync(request)).EnsureSuccessStatusCode();
            var first = clock.Elapsed.TotalSeconds;
            var resident = ResidentMegabytes(process.Id);
            return new Start(ready, first, await build.Task.WaitAsync(TimeSpan.FromSeconds(5)), resident);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static double ResidentMegabytes(int pid) =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024)
                .FirstOrDefault();

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
