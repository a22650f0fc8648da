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
