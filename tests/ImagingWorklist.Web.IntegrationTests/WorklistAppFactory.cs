using ImagingWorklist.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;

namespace ImagingWorklist.Testing;

/// <summary>
/// The real app (real Program, real migrations, real seed) on its own throwaway database. Settings go in through
/// UseSetting so they are visible while Program is still composing services.
/// </summary>
public class WorklistAppFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Test-Demo-Password-2026";
    public const string RisSecret = "Test-Ris-Secret-2026";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"iw-app-{Guid.NewGuid():N}");

    public WorklistAppFactory(DatabaseProvider provider = DatabaseProvider.Sqlite, string? connectionString = null, IDictionary<string,
        string?>? settings = null)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Settings = settings ?? new Dictionary<string, string?>();
    }

    public DatabaseProvider Provider { get; }

    public string? ConnectionString { get; }

    public IDictionary<string, string?> Settings { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Found from the solution file, so the tests and the load harness (under bench/) agree on where the app lives.
        builder.UseSolutionRelativeContentRoot(Path.Combine("src", "ImagingWorklist.Web"), solutionName: "ImagingWorklist.sln");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Database:DataDirectory", _dataDirectory);
        builder.UseSetting("ConnectionStrings:Worklist", ConnectionString ?? string.Empty);
        builder.UseSetting("Demo:UserPassword", DemoPassword);
        builder.UseSetting("Demo:IntegrationClientSecret", RisSecret);

        // Every test signs in from the same (test server) address; the limit itself has its own test.
        builder.UseSetting("RateLimits:SignInPerMinute", "10000");
        builder.UseSetting("RateLimits:TokenPerMinute", "10000");

        // Any free port, so test apps running side by side do not fight over 2575.
        builder.UseSetting("Hl7:MllpPort", "0");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
