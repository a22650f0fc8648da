using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using ImagingWorklist.Application.Claiming;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Worklist;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using ImagingWorklist.Web.Realtime;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.LoadBench;

/// <summary>
/// From a committed change to every connected client of /hubs/worklist. The same changes are timed with one client
/// (the baseline) and with many, on the real app over loopback; the ratio of the two p99s is the fan-out cost.
/// </summary>
internal sealed class FanOutBench(int clients, int changes, TimeSpan interval)
{
    public async Task RunAsync()
    {
        await using var app =
            new WorklistAppFactory(DatabaseProvider.Sqlite, settings: new Dictionary<string,
            string?> { ["Logging:LogLevel:Default"] = "Warning" });
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var cookie = await SignInAsync(address);
        var exam =
            (await app.Services.GetRequiredService<OpenExamsQuery>()
            .PageAsync(new WorklistPageRequest(0, 1), ImagingWorklist.Application.Security.AccessScope.WholeNetwork)).Rows[0].ExamId;
        var claims = app.Services.GetRequiredService<ClaimService>();
        await using (var db = app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<WorklistDbContext>>()
            .CreateDbContext())
        {
            _nextVersion = db.Exams.Where(e => e.Id == exam).Select(e => e.Version).Single() + 1;
        }

        await MeasureAsync(address, cookie, 1, exam, claims); // warm-up: JIT, connection pools, SQLite pages
        var one = await MeasureAsync(address, cookie, 1, exam, claims);
        var many = await MeasureAsync(address, cookie, clients, exam, claims);
        Console.WriteLine($"Fan-out, {changes} changes {interval.TotalMilliseconds:0} ms apart, in-process server on loopback:");
        Console.WriteLine($"    1 client:  {one.Summary()}");
        Console.WriteLine($"  {clients,3} clients: {many.Summary()}");
        Console.WriteLine($"  ratio p99({clients})/p99(1): {many.Percentile(99) / one.Percentile(99):0.00}");
    }

    private async Task<Latencies> MeasureAsync(string address, string cookie, int count, Guid exam, ClaimService claims)
    {
        var sent = new ConcurrentDictionary<long, long>();
        var latencies = new Latencies();
        var connections = new List<HubConnection>();
        for (var i = 0; i < count; i++)
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(new Uri(address), WorklistHub.Path), options =>
                {
                    options.Headers["Cookie"] = cookie;
                    options.Transports = HttpTransportType.WebSockets;
                    options.SkipNegotiation = true;
                })
                .Build();
            connection.On<WorklistChangedMessage>(nameof(IWorklistClient.WorklistChanged), change =>
            {
                if (sent.TryGetValue(change.Version, out var at))
                {
                    latencies.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
                }
            });
            await connection.StartAsync();
            connections.Add(connection);
        }

        var actor = new Actor("bench");
        for (var i = 0; i < changes; i++)
        {
            // Hold then resume: each is a committed change that every client hears about; versions are unique.
            sent[_nextVersion++] = Stopwatch.GetTimestamp();
            await claims.HoldAsync(exam, "Benchmark", actor);
            sent[_nextVersion++] = Stopwatch.GetTimestamp();
            await claims.ResumeAsync(exam, actor);
            await Task.Delay(interval);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        return latencies;
    }

    private long _nextVersion;

    private static async Task<string> SignInAsync(string address)
    {
        var cookies = new CookieContainer();
        using var http =
            new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress =
            new Uri(address) };
        var response = await Web.IntegrationTests.SignIn.PostAsync(http, "manager", WorklistAppFactory.DemoPassword);
        return response.StatusCode == HttpStatusCode.Redirect
            ? cookies.GetCookieHeader(new Uri(address))
            : throw new InvalidOperationException($"Sign-in failed: {response.StatusCode}");
    }
}
