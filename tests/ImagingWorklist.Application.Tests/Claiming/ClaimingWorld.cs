using ImagingWorklist.Application.Claiming;
using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Engine;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ImagingWorklist.Application.Tests.Claiming;

/// <summary>A claim service over a real database on either provider, with a fake clock and a record of what it announced.</summary>
internal sealed class ClaimingWorld : IAsyncDisposable
{
    private ClaimingWorld(TestDatabase database, FakeTimeProvider clock)
    {
        Database = database;
        Clock = clock;
        Engine = new WorklistEngineHost(database, clock, NullLogger<WorklistEngineHost>.Instance);
        Dispatcher = new WorklistChangeDispatcher(Engine, NullLogger<WorklistChangeDispatcher>.Instance);
        Dispatcher.Subscribe(change =>
        {
            lock (Announced)
            {
                Announced.Add(change);
            }

            return Task.CompletedTask;
        });
        Announce = new ChangeAnnouncer(Engine, new InProcessNotifier(Dispatcher));
        Claims = new ClaimService(database, Engine, Announce, clock, new ClaimSettings(), NullLogger<ClaimService>.Instance);
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public WorklistEngineHost Engine { get; }

    /// <summary>The announce path every service of the world commits through.</summary>
    public ChangeAnnouncer Announce { get; }

    public WorklistChangeDispatcher Dispatcher { get; }

    public ClaimService Claims { get; }

    public List<WorklistChange> Announced { get; } = [];

    public List<Reporter> Reporters { get; } = [];

    public List<Exam> Exams { get; } = [];

    public static async Task<ClaimingWorld> CreateAsync(DatabaseProvider provider, int reporters = 2, int exams = 3)
    {
        var clock = TestClock.Create();
        var world = new ClaimingWorld(await TestDatabase.CreateAsync(provider), clock);
        var fixture = new NetworkFixture();
        var now = clock.GetUtcNow();
        await using (var db = world.Database.CreateDbContext())
        {
            db.AddRange(fixture.Organisations);
            for (var i = 0; i < reporters; i++)
            {
                var (reporter, rows) = fixture.OnDutyReporter($"Dr Reporter {i + 1}", now, capacityMinutes: 100_000);
                world.Reporters.Add(reporter);
                db.AddRange(rows);
            }

            for (var i = 0; i < exams; i++)
            {
                var exam = fixture.ReadyExam(i % 2 == 0 ? fixture.SiteA : fixture.SiteB, now, TimeSpan.FromMinutes(10 + i));
                world.Exams.Add(exam);
                db.Add(exam);
            }

            await db.SaveChangesAsync();
        }

        await world.Engine.LoadAsync();
        return world;
    }

    public Actor As(int reporter) => new(Reporters[reporter].DisplayName, Reporters[reporter].Id);

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
