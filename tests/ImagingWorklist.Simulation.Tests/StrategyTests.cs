using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Simulation.Tests;

public sealed class StrategyTests
{
    [Fact]
    public void Fifo_reads_the_oldest_first_and_cherry_picking_the_quickest()
    {
        var scenario = Tiny.Scenario(8, 4, [Tiny.Consultant("Dr A", (8, 18))],
            Tiny.Exam("old CT", 6, Pathway.Outpatient, ClinicalPriority.Routine),
            Tiny.Exam("new chest film", 7, Pathway.Outpatient, ClinicalPriority.Routine, Modality.DX, minutes: 2));
        var workload = Workload.Generate(scenario, 1);

        var fifo = NetworkSimulation.Run(scenario, workload, Strategy.FifoPull);
        var cherry = NetworkSimulation.Run(scenario, workload, Strategy.CherryPickPull);

        Assert.Equal(["old CT", "new chest film"], Tiny.Order(fifo, workload));
        Assert.Equal(["new chest film", "old CT"], Tiny.Order(cherry, workload));
        Assert.Equal(Tiny.Monday.AddHours(8).AddMinutes(18), fifo.ReportedAt.Max());
    }

    [Theory]
    [InlineData(Strategy.EnginePull)]
    [InlineData(Strategy.EnginePush)]
    [InlineData(Strategy.StaticPriority)]
    public void The_emergency_goes_before_older_routine_work_where_fifo_lets_it_breach(Strategy strategy)
    {
        var scenario = Tiny.Scenario(8, 6, [Tiny.Consultant("Dr A", (8, 18))],
            Tiny.Exam("routine 1", -72, Pathway.Outpatient, ClinicalPriority.Routine),
            Tiny.Exam("routine 2", -71, Pathway.Outpatient, ClinicalPriority.Routine),
            Tiny.Exam("routine 3", -70, Pathway.Outpatient, ClinicalPriority.Routine),
            Tiny.Exam("routine 4", -69, Pathway.Outpatient, ClinicalPriority.Routine),
            Tiny.Exam("ED head", 8.05, Pathway.Emergency, ClinicalPriority.Stat));
        var workload = Workload.Generate(scenario, 1);

        var fifo = NetworkSimulation.Run(scenario, workload, Strategy.FifoPull);
        var other = NetworkSimulation.Run(scenario, workload, strategy);

        Assert.Equal(1, fifo.UrgentBreaches);
        Assert.Equal(0, other.UrgentBreaches);
        Assert.Equal("ED head", Tiny.Order(other, workload)[1]);
        Assert.Equal(5, other.Reported);
    }

    [Theory]
    [InlineData(Strategy.FifoPull)]
    [InlineData(Strategy.EnginePull)]
    [InlineData(Strategy.EnginePush)]
    public void Nothing_is_read_off_duty_and_work_waits_for_the_next_session(Strategy strategy)
    {
        var scenario = Tiny.Scenario(18, 18, [Tiny.Consultant("Dr A", (8, 18), (32, 42))],
            Tiny.Exam("evening CT", 20, Pathway.Outpatient, ClinicalPriority.Routine));
        var workload = Workload.Generate(scenario, 1);

        var result = NetworkSimulation.Run(scenario, workload, strategy);

        var started = Assert.Single(result.Starts).At;
        Assert.True(started >= Tiny.Monday.AddHours(32), $"Started at {started:HH:mm}, before the next session.");
        Assert.Equal(Tiny.Monday.AddHours(32).AddMinutes(16), result.ReportedAt[0]);
    }

    [Fact]
    public void In_push_a_reporter_who_comes_on_duty_takes_unstarted_work_pushed_to_a_busy_colleague()
    {
        // Everything is pushed to Dr A at 08:00; Dr B arrives at 10:00 with nothing of their own to read.
        var scenario = Tiny.Scenario(8, 10, [Tiny.Consultant("Dr A", (8, 18)), Tiny.Consultant("Dr B", (10, 18))],
        [
            .. Enumerable.Range(1, 4).Select(i =>
                Tiny.Exam($"long CT {i}", -24 + i, Pathway.Outpatient, ClinicalPriority.Routine, minutes: 120)),
        ]);
        var workload = Workload.Generate(scenario, 1);

        var result = NetworkSimulation.Run(scenario, workload, Strategy.EnginePush);

        var drB = scenario.Reporters[1].Id;
        Assert.InRange(result.Starts.Count(s => s.ReporterId == drB), 1, 2);
        Assert.All(result.Starts.Where(s => s.ReporterId == drB), s => Assert.True(s.At >= Tiny.Monday.AddHours(10)));
        Assert.Equal(4, result.Reported);
        Assert.Equal(Tiny.Monday.AddHours(14), result.ReportedAt.Max());
    }

    [Fact]
    public void Work_at_the_end_is_counted_open_and_a_breach_if_it_was_due()
    {
        var scenario = Tiny.Scenario(8, 2, [], Tiny.Exam("ED head", 8, Pathway.Emergency, ClinicalPriority.Stat));

        var result = NetworkSimulation.Run(scenario, Workload.Generate(scenario, 1), Strategy.EnginePull);

        Assert.Equal((0, 1, 1, 1), (result.Reported, result.OpenAtEnd, result.Breaches, result.UrgentBreaches));
        Assert.Equal(0, result.OnTimeShareFor(Pathway.Emergency));
    }

    [Fact]
    public void A_released_exam_goes_back_and_is_reported_once()
    {
        var scenario = Tiny.Scenario(8, 8, [Tiny.Consultant("Dr A", (8, 18)), Tiny.Consultant("Dr B", (8, 18))],
            Tiny.Exam("CT 1", 7, Pathway.Outpatient, ClinicalPriority.Routine),
            Tiny.Exam("CT 2", 7.5, Pathway.Outpatient, ClinicalPriority.Routine)) with
        {
            Behaviour = new SimulationBehaviour { ReadingTimeSpread = 0, ReleaseProbability = 1 },
        };
        var workload = Workload.Generate(scenario, 1);

        foreach (var strategy in Enum.GetValues<Strategy>())
        {
            var result = NetworkSimulation.Run(scenario, workload, strategy);

            Assert.Equal(4, result.Starts.Count);
            Assert.Equal(2, result.Reported);
            Assert.Equal(2, result.Releases);
            foreach (var exam in result.Starts.GroupBy(s => s.Exam))
            {
                // The one who let it go is not offered it again within the cool-down.
                Assert.True(exam.First().ReporterId != exam.Last().ReporterId,
                    $"{strategy} gave {workload.Exams[exam.Key].Exam.Description} back to the reporter who released it.");
            }
        }
    }
}
