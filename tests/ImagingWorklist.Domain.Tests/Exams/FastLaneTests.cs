using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Exams;
using static ImagingWorklist.Domain.Tests.Exams.ExamBuilder;

namespace ImagingWorklist.Domain.Tests.Exams;

/// <summary>The fast lane on the exam, its clock, and its place in the engine's order.</summary>
public sealed class FastLaneTests
{
    private static readonly FastLaneTargets Targets = FastLaneTargets.Default;

    [Fact]
    public void AnExamEntersOneLaneOnceAndKeepsItsFirstClock()
    {
        var exam = Ready(Pathway.Emergency);

        Assert.True(exam.EnterFastLane(FastLane.Stroke, "  order code STROKE ", Now).Succeeded);
        var again = exam.EnterFastLane(FastLane.MajorTrauma, "flagged by Dr B", Now.AddMinutes(5));

        Assert.False(again.Succeeded);
        Assert.Equal("Exam RZ100000001 is already in the stroke fast lane, since 10:00.", again.Reason);
        Assert.Equal((FastLane.Stroke, Now, "order code STROKE"), (exam.FastLane!.Value, exam.FastLaneSince!.Value, exam.FastLaneReason));
        Assert.True(exam.LeaveFastLane(Now.AddMinutes(6)).Succeeded);
        Assert.Null(exam.FastLane);
        Assert.False(exam.LeaveFastLane(Now.AddMinutes(7)).Succeeded);
    }

    [Fact]
    public void AClosedExamNeitherEntersNorLeavesALane()
    {
        var exam = Ready(Pathway.Emergency);
        Assert.True(exam.EnterFastLane(FastLane.Stroke, "order code STROKE", Now).Succeeded);
        var reporter = Guid.NewGuid();
        Assert.True(exam.Claim(reporter, Guid.NewGuid(), TimeSpan.FromMinutes(20), Now).Succeeded);
        Assert.True(exam.Finalise(reporter, Now.AddMinutes(30)).Succeeded);

        Assert.Contains("is final; its fast-lane record stays", exam.LeaveFastLane(Now.AddHours(1)).Reason, StringComparison.Ordinal);
        var other = Ready();
        Assert.True(other.Cancel(Now).Succeeded);
        Assert.Contains("only an exam waiting for its report", other.EnterFastLane(FastLane.Stroke, "x", Now).Reason,
            StringComparison.Ordinal);
    }

    [Fact]
    public void TheClockStartsAtTheLaterOfReadyAndEnteringAndStopsAtTheFirstAndFinalReports()
    {
        var exam = Ready(Pathway.Emergency);
        var ready = exam.ReadyAt!.Value;
        Assert.Null(FastLaneClock.Of(exam, _ => Targets));

        // Flagged twenty minutes after the images were ready: the clock starts at the flag.
        Assert.True(exam.EnterFastLane(FastLane.Stroke, "flagged", ready.AddMinutes(20)).Succeeded);
        var clock = FastLaneClock.Of(exam, _ => Targets)!;
        Assert.Equal(ready.AddMinutes(20), clock.Start);
        Assert.Equal("verbal or preliminary report due in 4 min (target 10 min)", clock.Describe(ready.AddMinutes(26)));
        Assert.Equal("verbal or preliminary report 3 min overdue (target 10 min)", clock.Describe(ready.AddMinutes(33)));

        var reporter = Guid.NewGuid();
        var token = Guid.NewGuid();
        Assert.True(exam.Claim(reporter, token, TimeSpan.FromMinutes(20), ready.AddMinutes(22)).Succeeded);

        // Told at :28, recorded at :31: the first clock stops when the team was told.
        Assert.True(exam.RecordPreliminary(token, ready.AddMinutes(31), toldAt: ready.AddMinutes(28)).Succeeded);
        Assert.True(exam.Finalise(reporter, ready.AddMinutes(95)).Succeeded);
        clock = FastLaneClock.Of(exam, _ => Targets)!;
        Assert.Equal((TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(75)), (clock.ToPreliminary!.Value, clock.ToFinal!.Value));
        Assert.Equal((true, false), (clock.PreliminaryInTime!.Value, clock.FinalInTime!.Value));
        Assert.Equal("final report after 1 h 15 min (target 1 h)", clock.Describe(ready.AddHours(3)));
    }

    [Fact]
    public void AFinalReportWithNoPreliminaryStopsBothClocks()
    {
        var clock = FastLaneClock.Starting(FastLane.MajorTrauma, Now, Now.AddMinutes(-5), Targets, finalAt: Now.AddMinutes(25));

        Assert.Equal(Now, clock.Start);
        Assert.Equal(TimeSpan.FromMinutes(25), clock.ToPreliminary);
        Assert.Equal((false, true), (clock.PreliminaryInTime!.Value, clock.FinalInTime!.Value));
    }

    [Fact]
    public void AFastLaneExamIsAboveEveryEmergencyOnEveryEligibleListAndIgnoresCapacity()
    {
        var overdueEmergency = Engine.EngineWorld.Exam(pathway: Pathway.Emergency, priority: ClinicalPriority.Stat,
            dueIn: TimeSpan.FromHours(-3));
        var aiFlagged = Engine.EngineWorld.Exam(dueIn: TimeSpan.FromHours(-1)) with { AiCritical = true, AiReason = "AI flagged" };
        var stroke = Engine.EngineWorld.Exam(pathway: Pathway.Emergency, dueIn: TimeSpan.FromMinutes(50), minutes: 30) with
        {
            FastLane = FastLane.Stroke,
            FastLaneReason = "order code STROKE",
            FastLaneSince = Engine.EngineWorld.Now,
        };
        var full = Engine.EngineWorld.Reporter("Full", capacity: 10);
        var free = Engine.EngineWorld.Reporter("Free");
        var elsewhere = Engine.EngineWorld.Reporter("Elsewhere", credentialedFor: [Engine.EngineWorld.TrustB]);
        var engine = WorklistEngine.Build([overdueEmergency, aiFlagged, stroke], [full, free, elsewhere], Engine.EngineWorld.Now,
            EnginePolicy.Default);

        foreach (var reporter in new[] { full, free })
        {
            var first = engine.RankedFor(reporter.Id, Engine.EngineWorld.Now)[0];
            Assert.Equal((stroke.Id, UrgencyClass.Hyperacute, 1), (first.Exam.Id, first.Class, first.Rank));
            Assert.Contains(first.Explanation.Factors, f => f.Name == "Fast lane"
                && f.Effect == "stroke fast lane (order code STROKE): first on the list of everyone on duty who may take it");
        }

        Assert.Equal(stroke.Id, engine.NextCase(full.Id, Engine.EngineWorld.Now).Case!.Exam.Id);
        Assert.DoesNotContain(engine.RankedFor(elsewhere.Id, Engine.EngineWorld.Now), r => r.Exam.Id == stroke.Id);
        Assert.Equal(UrgencyClass.Emergency, UrgencyClass.Emergency.Promote());
        Assert.True(UrgencyClass.Hyperacute.IsEmergency());
    }
}
