using System.Diagnostics;
using System.Globalization;
using ImagingWorklist.Testing;

namespace ImagingWorklist.E2E;

/// <summary>
/// The built app run as a process of its own, as a server runs it, so a test can kill it outright (SIGKILL): nothing
/// in it gets to finish, flush or say goodbye.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, int port, int mllpPort)
    {
        _process = process;
        Port = port;
        MllpPort = mllpPort;
    }

    public int Port { get; }

    public int MllpPort { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    public static async Task<AppProcess> StartAsync(IDictionary<string, string> settings, int port, int mllpPort)
    {
        var root = BrowserApp.RepositoryRoot();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var app = Path.Combine(root, "src", "ImagingWorklist.Web", "bin", configuration, "net10.0", "ImagingWorklist.Web.dll");
        var start = new ProcessStartInfo("dotnet", [app])
        {
            WorkingDirectory = Path.Combine(root, "src", "ImagingWorklist.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Demo__UserPassword"] = WorklistAppFactory.DemoPassword,
            ["Demo__IntegrationClientSecret"] = WorklistAppFactory.RisSecret,
            ["RateLimits__SignInPerMinute"] = "10000",
            ["RateLimits__TokenPerMinute"] = "10000",
            ["Hl7__MllpPort"] = mllpPort.ToString(CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.ErrorDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var instance = new AppProcess(process, port, mllpPort);
        using var client = new HttpClient { BaseAddress = instance.Address, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode} before it was ready:\n{output}");
            }

            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return instance;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Still starting.
            }

            if (DateTime.UtcNow > until)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"The app was not ready within 90 seconds:\n{output}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>SIGKILL, as the kernel's OOM killer or a pulled plug would.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }
}

/// <summary>
/// A load balancer with sticky sessions reduced to its essence: every connection goes to the first backend that
/// accepts it, so all traffic stays on one instance until it dies, then moves to the next.
/// </summary>
internal sealed class StickyProxy : IAsyncDisposable
{
    private readonly System.Net.Sockets.TcpListener _listener = new(System.Net.IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly int[] _backends;

    public StickyProxy(params int[] backends)
    {
        _backends = backends;
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((System.Net.IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = ForwardAsync(client);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ForwardAsync(System.Net.Sockets.TcpClient client)
    {
        using var _ = client;
        foreach (var port in _backends)
        {
            using var backend = new System.Net.Sockets.TcpClient();
            try
            {
                await backend.ConnectAsync(System.Net.IPAddress.Loopback, port, _stop.Token);
            }
            catch (System.Net.Sockets.SocketException)
            {
                continue;
            }

            using var done = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var up = client.GetStream().CopyToAsync(backend.GetStream(), done.Token);
            var down = backend.GetStream().CopyToAsync(client.GetStream(), done.Token);
            try
            {
                await Task.WhenAny(up, down);
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or System.Net.Sockets.SocketException)
            {
            }

            await done.CancelAsync();
            return;
        }
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
