using System.Diagnostics;
using System.Net;
using ImagingWorklist.Application.Claiming;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Engine;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using ImagingWorklist.TestSupport;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Web.IntegrationTests.Operations;

/// <summary>
/// Redis, which carries changes between instances, goes down under two running instances and comes back: meanwhile
/// each instance serves its own users, says the link is down (readiness "Degraded", a banner on every page) and claims
/// stay exclusive; afterwards each rebuilds its engine from the database and live updates resume.
/// </summary>
public sealed class RedisOutageTests
{
    [Fact]
    public async Task WhileRedisIsDownClaimsStayCorrectAndWhenItReturnsEveryInstanceCatchesUp()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var settings = new Dictionary<string, string?> { ["Redis:Configuration"] = $"127.0.0.1:{redis.Port}" };
        await using var a = new WorklistAppFactory(DatabaseProvider.Postgres, database.ConnectionString, settings);
        await using var b = new WorklistAppFactory(DatabaseProvider.Postgres, database.ConnectionString, settings);
        var probe = a.CreateClient();
        b.CreateClient();
        var onA = await DemoPeople.ReporterOfAsync(a.Services, "radiologist");
        var onB = await DemoPeople.ReporterOfAsync(b.Services, "radiologist2");

        var first = await DemoPeople.SharedExamAsync(a.Services, "radiologist", "radiologist2");
        await ClaimAsync(a, first, onA, "radiologist", expected: true);
        await EventuallyAsync(() => !Lists(b, onB, first), "instance B hears A's claim through Redis");

        await redis.StopAsync();

        await EventuallyAsync(() => Link(a).Down && Link(b).Down, "both instances notice Redis is gone");
        var ready = await probe.GetAsync("/health/ready");
        Assert.Equal((HttpStatusCode.OK, "Degraded"), (ready.StatusCode, await ready.Content.ReadAsStringAsync()));
        var during = await DemoPeople.SharedExamAsync(a.Services, "radiologist", "radiologist2", skip: 1);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await ClaimAsync(a, during, onA, "radiologist", expected: true);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4),
            $"a claim must not wait for the missing Redis (its timeout is 5 s); it took {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(Lists(b, onB, during), "without Redis, B has not heard of A's claim");
        await ClaimAsync(b, during, onB, "radiologist2", expected: false);

        await redis.StartAgainAsync();

        await EventuallyAsync(() => !Link(a).Down && !Link(b).Down, "both instances reconnect to Redis", seconds: 60);
        Assert.False(Lists(b, onB, during), "B rebuilt its engine from the database and knows of the claim made while Redis was down");
        Assert.Equal("Healthy", await probe.GetStringAsync("/health/ready"));
        var after = await DemoPeople.SharedExamAsync(a.Services, "radiologist", "radiologist2", skip: 2);
        await ClaimAsync(a, after, onA, "radiologist", expected: true);
        await EventuallyAsync(() => !Lists(b, onB, after), "live updates between instances resumed");
    }

    [Fact]
    public void BlazorCircuitsStayOffTheRedisBackplaneSoPagesOpenWithoutIt()
    {
        using var app = new WorklistAppFactory(settings: new Dictionary<string, string?> { ["Redis:Configuration"] = "127.0.0.1:1" });
        var circuits =
            Type.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub, Microsoft.AspNetCore.Components.Server",
            throwOnError: true)!;

        var manager = app.Services.GetRequiredService(typeof(HubLifetimeManager<>).MakeGenericType(circuits));
        var hub = app.Services.GetRequiredService<HubLifetimeManager<Realtime.WorklistHub>>();

        Assert.StartsWith("DefaultHubLifetimeManager", manager.GetType().Name, StringComparison.Ordinal);
        Assert.StartsWith("RedisHubLifetimeManager", hub.GetType().Name, StringComparison.Ordinal);
    }

    private static InstanceLink Link(WorklistAppFactory app) => app.Services.GetRequiredService<InstanceLink>();

    /// <summary>Whether the exam is anywhere on the reporter's list (as deep as <see cref="DemoPeople.SharedExamAsync"/> looks), not only
    /// on its first page.</summary>
    private static bool Lists(WorklistAppFactory app, Guid reporter, Guid exam) =>
        app.Services.GetRequiredService<WorklistEngineHost>().RankedFor(reporter, take: 3000).Any(r => r.Exam.Id == exam);

    private static async Task ClaimAsync(WorklistAppFactory app, Guid exam, Guid reporter, string name, bool expected)
    {
        var claim = await app.Services.GetRequiredService<ClaimService>().ClaimAsync(exam, reporter, new Actor(name, reporter));
        Assert.True(claim.Succeeded == expected,
            $"claim by {name}: expected {(expected ? "success" : "refusal")}, got {claim.Reason ?? "success"}");
    }

    private static async Task EventuallyAsync(Func<bool> condition, string what, int seconds = 15)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Not within {seconds} s: {what}");
            await Task.Delay(100);
        }
    }

    /// <summary>A redis-server of the test's own on a loopback port, stopped and started again on the same port.</summary>
    private sealed class RedisServer : IAsyncDisposable
    {
        private Process? _process;

        private RedisServer(int port) => Port = port;

        public int Port { get; }

        public static async Task<RedisServer> StartAsync()
        {
            var server = new RedisServer(PostgresTools.FreePort());
            await server.StartAgainAsync();
            return server;
        }

        public async Task StartAgainAsync()
        {
            _process =
                Process.Start(
                new ProcessStartInfo("redis-server",
                ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                "--save", string.Empty, "--appendonly", "no"]) { RedirectStandardOutput = true })!;
            _ = _process.StandardOutput.ReadToEndAsync();
            await EventuallyAsync(() =>
            {
                try
                {
                    using var tcp = new System.Net.Sockets.TcpClient();
                    tcp.Connect(IPAddress.Loopback, Port);
                    return true;
                }
                catch (System.Net.Sockets.SocketException)
                {
                    return false;
                }
            }, "redis-server accepts connections");
        }

        public async Task StopAsync()
        {
            if (_process is { HasExited: false } process)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            _process?.Dispose();
        }
    }
}
