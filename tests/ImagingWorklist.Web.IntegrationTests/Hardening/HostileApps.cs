using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using ImagingWorklist.TestSupport;

namespace ImagingWorklist.Web.IntegrationTests.Hardening;

/// <summary>The real app on each provider (a small demo network), for input that one provider takes and the other does not.</summary>
public sealed class HostileApps : IAsyncLifetime
{
    private TestDatabase? _postgres;

    public WorklistAppFactory Sqlite { get; private set; } = null!;

    public WorklistAppFactory Postgres { get; private set; } = null!;

    public WorklistAppFactory On(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? Postgres : Sqlite;

    public async Task InitializeAsync()
    {
        var small = new Dictionary<string, string?> { ["Demo:OpenExams"] = "150", ["Demo:HistoryDays"] = "1" };
        _postgres = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        Postgres = new WorklistAppFactory(DatabaseProvider.Postgres, _postgres.ConnectionString, small);
        Sqlite = new WorklistAppFactory(DatabaseProvider.Sqlite, settings: small);
        _ = Postgres.Services;
        _ = Sqlite.Services;
    }

    public async Task DisposeAsync()
    {
        await Sqlite.DisposeAsync();
        await Postgres.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
