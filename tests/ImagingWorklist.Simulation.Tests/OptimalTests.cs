using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Simulator;

namespace ImagingWorklist.Simulation.Tests;

/// <summary>The exact optimum on small instances (issue 22), against which push and pull are measured.</summary>
public sealed class OptimalTests
{
    [Fact]
    public void Two_emergencies_at_once_for_one_reporter_who_can_read_only_one_within_the_hour_give_one_breach()
    {
        var scenario = Tiny.Scenario(8, 4, [Tiny.Consultant("Dr A", (8, 18))],
            Tiny.Exam("ED head 1", 9, Pathway.Emergency, ClinicalPriority.Stat, minutes: 40),
            Tiny.Exam("ED head 2", 9, Pathway.Emergency, ClinicalPriority.Stat, minutes: 40),
            Tiny.Exam("routine", 8, Pathway.Outpatient, ClinicalPriority.Routine, minutes: 30));

        var optimal = OptimalSchedule.Solve(scenario, Workload.Generate(scenario, 1), TimeSpan.FromSeconds(10));

        Assert.Equal(new OptimalSchedule.Result(1, 1, Proven: true), optimal);
    }

    [Fact]
    public void On_a_small_network_no_strategy_beats_the_optimum_and_the_optimum_is_proven()
    {
        var instance = OptimalComparison.Run(examsPerDay: 120, seed: 1, TimeSpan.FromSeconds(20));

        Assert.True(instance.Optimal.Proven, $"CP-SAT stopped at {instance.Optimal.Breaches} with bound {instance.Optimal.Bound}.");
        Assert.All(instance.Breaches, b => Assert.True(b.Value >= instance.Optimal.Breaches,
            $"{b.Key} had {b.Value} breaches, under the optimum {instance.Optimal.Breaches}."));
        Assert.Contains("| 120 |", OptimalComparison.Markdown([instance]), StringComparison.Ordinal);
    }

    [Fact]
    public void Releases_are_refused_because_the_optimum_does_not_model_them()
    {
        var scenario = OptimalComparison.Network(40, 1);
        var withReleases = scenario with { Behaviour = scenario.Behaviour with { ReleaseProbability = 1 } };

        var problem = Assert.Throws<ArgumentException>(() =>
            OptimalSchedule.Solve(withReleases, Workload.Generate(withReleases, 1), TimeSpan.FromSeconds(1)));

        Assert.Contains("release probability of 0", problem.Message, StringComparison.Ordinal);
    }
}
