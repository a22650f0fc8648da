using ImagingWorklist.Persistence;
using ImagingWorklist.Testing;
using ImagingWorklist.TestSupport;
using Microsoft.Playwright;

namespace ImagingWorklist.E2E;

/// <summary>
/// Two app instances over one PostgreSQL database with Redis between them, as docker-compose runs them in production:
/// a claim made through instance A must reach a browser on instance B.
/// </summary>
public sealed class ScaleOutBrowserTests : IAsyncLifetime
{
    public const string RedisVariable = "WORKLIST_TEST_REDIS";

    private TestDatabase _database = null!;
    private BrowserApp _a = null!;
    private BrowserApp _b = null!;

    public async Task InitializeAsync()
    {
        var redis = Environment.GetEnvironmentVariable(RedisVariable) is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException(
                $"The scale-out test needs Redis: set {RedisVariable} (./test.sh starts one and sets it).");
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var settings = new Dictionary<string, string?> { ["Redis:Configuration"] = redis };
        _a = new BrowserApp(new WorklistAppFactory(DatabaseProvider.Postgres, _database.ConnectionString, settings));
        await _a.InitializeAsync();
        _b = new BrowserApp(new WorklistAppFactory(DatabaseProvider.Postgres, _database.ConnectionString, settings));
        await _b.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task AClaimThroughOneInstanceUpdatesABrowserOnTheOther()
    {
        Assert.NotEqual(_a.BaseAddress, _b.BaseAddress);
        var onA = await _a.SignedInPageAsync("radiologist");
        var onB = await _b.SignedInPageAsync("radiologist2");
        await Assertions.Expect(onA.Locator("tr[data-exam]").First).ToBeVisibleAsync();
        await Assertions.Expect(onB.Locator("tr[data-exam]").First).ToBeVisibleAsync();
        var seenByA = await onA.Locator("tr[data-exam]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.exam)");
        var seenByB = await onB.Locator("tr[data-exam]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.exam)");
        var shared = seenByA.FirstOrDefault(seenByB.Contains);
        Assert.True(shared is not null, "the two demo radiologists should share at least one exam in their top lists");

        await onA.Locator($"tr[data-exam='{shared}']").GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();

        await Assertions.Expect(onB.Locator($"tr[data-exam='{shared}']")).ToHaveCountAsync(0, new() { Timeout = 2_000 });
    }
}
