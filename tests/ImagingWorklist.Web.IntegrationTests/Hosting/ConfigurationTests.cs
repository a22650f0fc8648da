using System.Net;
using ImagingWorklist.Application.Worklist;
using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using ImagingWorklist.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Web.IntegrationTests.Hosting;

public class ConfigurationTests
{
    [Fact]
    public async Task TheAppRunsOnPostgreSqlWhenConfigured()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = new WorklistAppFactory(DatabaseProvider.Postgres, database.ConnectionString, new Dictionary<string, string?>
        {
            ["Demo:OpenExams"] = "120",
            ["Demo:HistoryDays"] = "1",
        });

        var ready = await app.CreateClient().GetAsync("/health/ready");
        var page = await app.Services.GetRequiredService<OpenExamsQuery>()
            .PageAsync(new WorklistPageRequest(0, 5), ImagingWorklist.Application.Security.AccessScope.WholeNetwork);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(120, page.TotalCount);
    }

    [Fact]
    public async Task DemoSeedingCanBeTurnedOff()
    {
        await using var app = new WorklistAppFactory(settings: new Dictionary<string, string?> { ["Demo:Seed"] = "false" });

        var page = await app.Services.GetRequiredService<OpenExamsQuery>()
            .PageAsync(new WorklistPageRequest(0, 5), ImagingWorklist.Application.Security.AccessScope.WholeNetwork);

        Assert.Equal(0, page.TotalCount);
    }

    [Fact]
    public void PostgresWithoutAConnectionStringStopsStartUpWithAReason()
    {
        using var app = new WorklistAppFactory(DatabaseProvider.Postgres);

        var error = Assert.Throws<InvalidOperationException>(() => app.Services);

        Assert.Contains("ConnectionStrings:Worklist is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownProviderStopsStartUpWithAReason()
    {
        using var app = new WorklistAppFactory(settings: new Dictionary<string, string?> { ["Database:Provider"] = "Oracle" });

        var error = Assert.Throws<InvalidOperationException>(() => app.Services);

        Assert.Contains("'Oracle' is not known; use Sqlite or Postgres", error.Message, StringComparison.Ordinal);
    }
}
