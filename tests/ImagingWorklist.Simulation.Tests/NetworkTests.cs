using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Simulator;

namespace ImagingWorklist.Simulation.Tests;

public sealed class NetworkTests
{
    private static readonly SimulationScenario TwoDays =
        StandardScenario.Build(new StandardScenarioOptions { Days = 2, BacklogExams = 800 });

    [Fact]
    public void The_same_seed_gives_the_same_work_and_another_seed_other_work()
    {
        var first = Workload.Generate(TwoDays, 7);
        var again = Workload.Generate(TwoDays, 7);
        var other = Workload.Generate(TwoDays, 8);

        Assert.Equal(first.Exams.Select(e => (e.Exam.Id, e.ArrivesAt, e.ReadingMinutes)),
            again.Exams.Select(e => (e.Exam.Id, e.ArrivesAt, e.ReadingMinutes)));
        Assert.NotEqual(first.Exams.Select(e => e.ArrivesAt), other.Exams.Select(e => e.ArrivesAt));
        Assert.InRange(first.Exams.Count - TwoDays.Backlog.Count, 2 * 2400 * 0.8, 2 * 2400 * 1.2);
    }

    [Theory]
    [InlineData(Strategy.FifoPull)]
    [InlineData(Strategy.CherryPickPull)]
    [InlineData(Strategy.StaticPriority)]
    [InlineData(Strategy.EnginePull)]
    [InlineData(Strategy.EnginePush)]
    public void Every_exam_is_read_only_by_someone_allowed_to_and_reported_at_most_once(Strategy strategy)
    {
        var workload = Workload.Generate(TwoDays, 3);

        var result = NetworkSimulation.Run(TwoDays, workload, strategy);

        var reporters = TwoDays.Reporters.ToDictionary(r => r.Id);
        foreach (var start in result.Starts)
        {
            var verdict = Eligibility.Check(reporters[start.ReporterId], workload.Exams[start.Exam].Exam, 0, start.At, TwoDays.Policy);
            Assert.True(verdict.IsEligible || verdict.FailsOnlyOnCapacity,
                $"{start.ReporterId} read {workload.Exams[start.Exam].Exam.Description}: " +
                    $"{string.Join("; ", verdict.Reasons.Select(r => r.Explanation))}");
        }

        Assert.Equal(workload.Exams.Count, result.Reported + result.OpenAtEnd);
        Assert.All(result.Starts.GroupBy(s => s.Exam), g => Assert.InRange(g.Count(), 1, 2));
        Assert.True(result.Reported > workload.Exams.Count / 2, $"Only {result.Reported} of {workload.Exams.Count} reported.");
    }

    [Fact]
    public void The_lower_bound_is_below_every_strategy_and_the_engine_halves_fifo_urgent_breaches()
    {
        const int replications = 2;
        var runs = Replications.Run(TwoDays, Enum.GetValues<Strategy>(), replications);
        var bounds = LowerBound.ForReplications(TwoDays, replications);

        foreach (var run in runs)
        {
            Assert.True(run.Breaches >= bounds[run.Seed - 1],
                $"{run.Strategy} had {run.Breaches} breaches, under the bound {bounds[run.Seed - 1]:0.0}.");
        }

        var report = new ComparisonReport(TwoDays, runs, bounds);
        Assert.True(report.RatioToFifo(Strategy.EnginePull, r => r.UrgentBreaches) <= 0.5);
        Assert.Contains("| Urgent breaches ≤ 0.5 × FIFO |", report.Markdown(), StringComparison.Ordinal);
        Assert.Equal((replications * 5) + 1, report.Csv().Trim().Split('\n').Length);
    }

    [Theory]
    [InlineData("another trust's", 9, 0)]
    [InlineData("after the session's", 13.5, 0)]
    [InlineData("on leave's", 9, 1)]
    public void An_exam_nobody_may_start_before_it_is_due_is_late_in_the_bound(string which, double readyHour, int onLeave)
    {
        // One consultant, credentialed for the tiny trust, in a session from 08:00 to 13:00; ED work is due an hour after it is ready.
        var consultant = Tiny.Consultant("Dr Only", (8, 13));
        if (onLeave == 1)
        {
            consultant = consultant with { Absences = [(Tiny.Monday.AddHours(8), Tiny.Monday.AddHours(13))] };
        }

        var servable = Tiny.Exam("servable", 9, Pathway.Emergency, ClinicalPriority.Stat);
        var unservable = Tiny.Exam(which, readyHour, Pathway.Emergency, ClinicalPriority.Stat);
        if (which.StartsWith("another", StringComparison.Ordinal))
        {
            unservable = unservable with { TrustId = Guid.NewGuid() };
        }

        var scenario = Tiny.Scenario(0, 24, [consultant], servable, unservable);

        var bound = LowerBound.Compute(scenario, Workload.Generate(scenario, 1));

        Assert.Equal(onLeave == 1 ? 2 : 1, bound, precision: 6);
    }

    [Fact]
    public void In_the_bound_only_reporters_credentialed_and_covering_the_site_in_the_hour_read_an_exam()
    {
        // An hour's ED exam ready at 09:00 needs 60 minutes. The one consultant credentialed for its trust is on from 09:30
        // to 10:00; a colleague on all morning holds a credential only for another trust. Half the reading cannot be done in time.
        var credentialed = Tiny.Consultant("Dr Late", (9.5, 10));
        var elsewhere = Tiny.Consultant("Dr Elsewhere", (8, 13)) with
        {
            Credentials = [new EngineCredential(Guid.NewGuid(), Tiny.Monday.AddYears(-1), null)],
        };
        var exam = Tiny.Exam("long", 9, Pathway.Emergency, ClinicalPriority.Stat, minutes: 60);
        var scenario = Tiny.Scenario(0, 24, [credentialed, elsewhere], exam);

        var bound = LowerBound.Compute(scenario, Workload.Generate(scenario, 1));

        Assert.Equal(0.5, bound, precision: 3);
    }

    [Fact]
    public void In_the_bound_an_hours_window_is_served_quarter_by_quarter_not_by_whole_hours()
    {
        // Ready at 09:50 and due at 10:50, an hour's read; the only consultant goes home at 10:00. Counted by whole hours
        // the 09:00 hour would serve it all; only the quarter from 09:45 may, so three quarters of it are late.
        var consultant = Tiny.Consultant("Dr Leaving", (8, 10));
        var exam = Tiny.Exam("late in the hour", 9 + (50 / 60.0), Pathway.Emergency, ClinicalPriority.Stat, minutes: 60);
        var scenario = Tiny.Scenario(0, 24, [consultant], exam);

        var bound = LowerBound.Compute(scenario, Workload.Generate(scenario, 1));

        Assert.Equal(0.75, bound, precision: 3);
    }

    [Fact]
    public void With_no_one_on_duty_the_lower_bound_is_every_exam_due_in_the_period()
    {
        var empty = TwoDays with { Reporters = [] };
        var workload = Workload.Generate(empty, 1);

        var bound = LowerBound.Compute(empty, workload);

        Assert.Equal(workload.Exams.Count(e => e.Exam.DueAt <= empty.End), bound, precision: 0);
    }

    [Fact]
    public void A_confidence_interval_uses_students_t()
    {
        var estimate = Estimate.Of([1, 2, 3, 4]);

        Assert.Equal(2.5, estimate.Mean);
        Assert.Equal(3.182 * Math.Sqrt(5.0 / 3 / 4), estimate.HalfWidth, precision: 6);
        Assert.True(double.IsNaN(Estimate.Of([5]).HalfWidth));
    }

    [Fact]
    public void Poisson_counts_have_the_mean_asked_for()
    {
        var random = new Random(1);
        foreach (var mean in new[] { 0.3, 4.0, 50.0 })
        {
            var average = Enumerable.Range(0, 20_000).Average(_ => Workload.Poisson(random, mean));
            Assert.InRange(average, mean * 0.95, mean * 1.05);
        }
    }
}
