using ImagingWorklist.Application.Demo;
using ImagingWorklist.Application.Simulation;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Persistence;
using ImagingWorklist.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImagingWorklist.Application.Tests.Simulation;

/// <summary>What-if over a seeded demo network on both providers: the scenario is read from the database, not made up.</summary>
public class WhatIfServiceTests
{
    /// <summary>The demo network as the app seeds it, at the test clock's time.</summary>
    private static async Task<TestDatabase> SeededDemoAsync(DatabaseProvider provider, TimeProvider clock)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await new DemoNetworkSeeder(database, clock, NullLogger<DemoNetworkSeeder>.Instance).SeedIfEmptyAsync(new DemoNetworkOptions());
        return database;
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheScenarioIsTheNetworkAsItStandsAndTheArrivalPatternOfItsHistory(DatabaseProvider provider)
    {
        var clock = TestClock.Create();
        await using var database = await SeededDemoAsync(provider, clock);

        var scenario = await new WhatIfService(database, clock).CurrentAsync();

        await using var db = database.CreateDbContext();
        var now = clock.GetUtcNow();
        Assert.Equal(now, scenario.Start);
        Assert.Equal(await db.Reporters.CountAsync(), scenario.Reporters.Count);
        Assert.Equal(
            await db.Exams.CountAsync(e => e.State == ExamState.Ready || e.State == ExamState.Claimed || e.State == ExamState.Preliminary),
            scenario.Backlog.Count);
        Assert.All(scenario.Backlog, e => Assert.Null(e.ClaimedBy));
        var since = now.AddDays(-28);
        var arrived = (await db.Exams.Where(e => e.ReadyAt != null).Select(e => e.ReadyAt!.Value).ToListAsync())
            .Where(r => r >= since && r < now).ToList();
        var weeks = Math.Clamp((now - arrived.Min()).TotalDays / 7, 1, 4);
        Assert.Equal(arrived.Count / weeks, scenario.Arrivals.Sum(a => a.PerHourOfWeek.Sum()), precision: 6);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TakingEveryonesDutyAwayLeavesMoreOpenThanTheRotaAsItStands(DatabaseProvider provider)
    {
        var clock = TestClock.Create();
        await using var database = await SeededDemoAsync(provider, clock);
        var current = await new WhatIfService(database, clock).CurrentAsync();
        var nobody =
            new WhatIfProposal([],
            [.. current.Reporters.Select(r => new RemovedDuty(r.Id, r.Name, current.Start.AddDays(-1), current.End))]);
        var progress = new List<double>();

        var result = WhatIfService.Compare(current, nobody, replications: 2, new SynchronousProgress(progress));

        Assert.True(result.Current.BacklogAtEnd < result.Proposed.BacklogAtEnd,
            $"{result.Current.BacklogAtEnd} open as it stands, {result.Proposed.BacklogAtEnd} with nobody on duty.");
        Assert.True(result.Proposed.BacklogAtEnd >= result.OpenAtStart,
            "With nobody on duty nothing is reported, so nothing leaves the backlog.");
        Assert.True(result.Proposed.Breaches >= result.Current.Breaches);
        Assert.Equal(7, result.Proposed.BacklogAtEndOfDay.Count);
        // Taking everyone off is no noise: the backlog's rise is a range above zero, said as worse.
        Assert.False(result.Changes.BacklogAtEnd.WithinNoise);
        Assert.True(result.Changes.BacklogAtEnd.Low > 0, $"{result.Changes.BacklogAtEnd}");

        // The same rota against itself is no meaningful difference on every measure.
        var same = WhatIfService.Compare(current, new WhatIfProposal([], []), replications: 2);
        Assert.All(new[] { same.Changes.Breaches, same.Changes.UrgentBreaches, same.Changes.OnTimePercent, same.Changes.BacklogAtEnd },
            c => Assert.True(c.WithinNoise, $"{c}"));
        Assert.Equal(1.0, progress.Max());
    }

    [Fact]
    public void A_proposed_session_that_cannot_be_simulated_says_why()
    {
        var scenario = ImagingWorklist.Simulation.StandardScenario.Build(new() { Days = 7, BacklogExams = 0 });
        var someone = scenario.Reporters[0];
        ProposedSession Session(double from, double to, int capacity, Guid? who = null) =>
            new(who ?? someone.Id, someone.Name, scenario.Start.AddHours(from), scenario.Start.AddHours(to), capacity, NetworkWide: false);

        Assert.Null(WhatIfService.Check(Session(32, 37, 240), scenario));
        Assert.Contains("end after it starts", WhatIfService.Check(Session(37, 32, 240), scenario));
        Assert.Contains("within the simulated week", WhatIfService.Check(Session(24 * 9, (24 * 9) + 5, 240), scenario));
        Assert.Contains("between 1 and 300 minutes", WhatIfService.Check(Session(32, 37, 400), scenario));
        Assert.Contains("Choose a reporter", WhatIfService.Check(Session(32, 37, 240, Guid.NewGuid()), scenario));

        var applied = WhatIfService.Apply(scenario, new WhatIfProposal([Session(32, 37, 240)], []));
        var added = applied.Reporters[0].Shifts.Except(someone.Shifts).Single();
        Assert.Equal(someone.Credentials.Select(c => c.TrustId).Distinct(), added.CoveredIds);
        Assert.Same(scenario.Reporters[1], applied.Reporters[1]);
    }

    private sealed class SynchronousProgress(List<double> values) : IProgress<double>
    {
        public void Report(double value)
        {
            lock (values)
            {
                values.Add(value);
            }
        }
    }
}
