using ImagingWorklist.Application.Dashboards;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;

namespace ImagingWorklist.Application.Tests.Dashboards;

/// <summary>
/// Six open exams worked out by hand (now is 10:00 on 25 November 2026; outpatient target 21 days, emergency 1 hour):
/// Alpha: A1 emergency examined 2 h ago (breached an hour ago), A2 outpatient MR 2 days ago, A3 outpatient 20 d 21 h ago
/// (due in 3 h). Beta: B1 outpatient 5 days ago, B2 outpatient DX 40 days ago (breached), B3 outpatient 10 days ago and
/// claimed. Unassigned (ready, unclaimed for over 4 h): A2, A3, B1, B2.
/// </summary>
public class BacklogBreakdownTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheBacklogByTrustCountsAgeBandsRiskAndBreachesAsWorkedOutByHand(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);

        var table = await world.Query.BreakdownAsync(BacklogDimension.Trust, AccessScope.WholeNetwork);

        Assert.Equal(["Alpha Trust", "Beta Trust"], table.Lines.Select(l => l.Label));
        var alpha = table.Lines[0];
        var beta = table.Lines[1];
        Assert.Equal(
            [3, 1, 1, 0, 0, 1, 0, 2, 1, 1, 1, 1],
            Enum.GetValues<BacklogMeasure>().Select(m => alpha[m]));
        Assert.Equal(
            [3, 0, 0, 1, 1, 0, 1, 2, 0, 0, 0, 1],
            Enum.GetValues<BacklogMeasure>().Select(m => beta[m]));
        Assert.Equal((6, 2, 4),
            (table.Total(BacklogMeasure.Open), table.Total(BacklogMeasure.Breached), table.Total(BacklogMeasure.Unassigned)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EveryNumberOpensToItsExamsAndAManagerSeesOnlyTheirTrusts(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);

        var byModality = await world.Query.BreakdownAsync(BacklogDimension.Modality, AccessScope.WholeNetwork);
        var unassignedAtAlpha =
            await world.Query.ExamsAsync(BacklogDimension.Trust, world.Fixture.TrustA.Id.ToString(), BacklogMeasure.Unassigned,
            AccessScope.WholeNetwork);
        var breached = await world.Query.ExamsAsync(BacklogDimension.Modality, "DX", BacklogMeasure.Breached, AccessScope.WholeNetwork);
        var betaOnly = await world.Query.BreakdownAsync(BacklogDimension.Trust, AccessScope.ForTrusts(["RTB"]));
        var hidden =
            await world.Query.ExamsAsync(BacklogDimension.Trust, world.Fixture.TrustA.Id.ToString(), BacklogMeasure.Open,
            AccessScope.ForTrusts(["RTB"]));

        Assert.Equal([("DX", 1), ("CT", 4), ("MR", 1)], byModality.Lines.Select(l => (l.Key, l[BacklogMeasure.Open])));
        Assert.Equal([world.Names["A3"], world.Names["A2"]], unassignedAtAlpha.Select(e => e.ExamId));
        Assert.Equal(world.Names["B2"], Assert.Single(breached).ExamId);
        Assert.Equal("Beta Trust", Assert.Single(betaOnly.Lines).Label);
        Assert.Empty(hidden);
        Assert.Empty(await world.Query.ExamsAsync(BacklogDimension.Trust, "not-a-trust", BacklogMeasure.Open, AccessScope.WholeNetwork));
    }

    private static async Task<World> WorldAsync(DatabaseProvider provider)
    {
        var clock = TestClock.Create();
        var database = await TestDatabase.CreateAsync(provider);
        var fixture = new NetworkFixture();
        var now = clock.GetUtcNow();
        var (reporter, rows) = fixture.OnDutyReporter("Dr Holder", now);
        var exams = new Dictionary<string, Exam>
        {
            ["A1"] = fixture.ReadyExam(fixture.SiteA, now, TimeSpan.FromHours(2), Pathway.Emergency),
            ["A2"] = fixture.ReadyExam(fixture.SiteA, now, TimeSpan.FromDays(2), modality: Modality.MR),
            ["A3"] = fixture.ReadyExam(fixture.SiteA, now, TimeSpan.FromDays(21) - TimeSpan.FromHours(3)),
            ["B1"] = fixture.ReadyExam(fixture.SiteB, now, TimeSpan.FromDays(5)),
            ["B2"] = fixture.ReadyExam(fixture.SiteB, now, TimeSpan.FromDays(40), modality: Modality.DX),
            ["B3"] = fixture.ReadyExam(fixture.SiteB, now, TimeSpan.FromDays(10)),
        };
        exams["B3"].Claim(reporter.Id, Guid.NewGuid(), TimeSpan.FromMinutes(20), now);
        await using (var db = database.CreateDbContext())
        {
            db.AddRange([.. fixture.Organisations, .. rows, .. exams.Values]);
            await db.SaveChangesAsync();
        }

        return new World(database, fixture, new BacklogBreakdownQuery(database, clock), exams.ToDictionary(e => e.Key, e => e.Value.Id));
    }

    private sealed record World(TestDatabase Database, NetworkFixture Fixture, BacklogBreakdownQuery Query, Dictionary<string, Guid> Names)
        : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }
}
