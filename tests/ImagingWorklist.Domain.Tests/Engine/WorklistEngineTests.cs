using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;
using static ImagingWorklist.Domain.Tests.Engine.EngineWorld;

namespace ImagingWorklist.Domain.Tests.Engine;

public class WorklistEngineTests
{
    private static readonly EnginePolicy Policy = EnginePolicy.Default;

    [Fact]
    public void TheListIsMostUrgentClassFirstThenEarliestDue()
    {
        var routineSoon = Exam(dueIn: TimeSpan.FromHours(2));
        var routineLater = Exam(dueIn: TimeSpan.FromDays(5));
        var ed = Exam(pathway: Pathway.Emergency, dueIn: TimeSpan.FromMinutes(50));
        var uscLater = Exam(pathway: Pathway.UrgentSuspectedCancer, dueIn: TimeSpan.FromDays(6));
        var reporter = Reporter();
        var engine = WorklistEngine.Build([routineLater, uscLater, routineSoon, ed], [reporter], Now, Policy);

        var list = engine.RankedFor(reporter.Id, Now);

        Assert.Equal([ed.Id, uscLater.Id, routineSoon.Id, routineLater.Id], list.Select(r => r.Exam.Id));
        Assert.Equal([1, 2, 3, 4], list.Select(r => r.Rank));
        Assert.Equal("ED CT head: due in 50 min, about 15 min to read; you are the only one on duty who may take it.",
            list[0].Explanation.Sentence);
        Assert.All(list, r => Assert.Equal(r.Class, r.Explanation.Class));
    }

    [Fact]
    public void TheListShowsOnlyWhatTheReporterMayTake()
    {
        var neuro = Exam();
        var chestCt = Exam(Skill.Chest, bodyPart: "CHEST");
        var otherTrust = Exam(trust: TrustB, site: SiteB1);
        var reporter = Reporter(credentialedFor: [TrustA]);
        var engine = WorklistEngine.Build([neuro, chestCt, otherTrust], [reporter], Now, Policy);

        Assert.Equal([neuro.Id], engine.RankedFor(reporter.Id, Now).Select(r => r.Exam.Id));
    }

    [Fact]
    public void ThePullListIsCappedSoTheRestComeThroughNextCase()
    {
        var reporter = Reporter();
        var engine =
            WorklistEngine.Build(Enumerable.Range(0, 50).Select(_ => Exam(minutes: 1)), [reporter], Now, Policy with { PullListSize = 7 });

        Assert.Equal(7, engine.RankedFor(reporter.Id, Now).Count);
        Assert.Equal(50, engine.RankedFor(reporter.Id, Now, take: 100).Count);
    }

    [Fact]
    public void AClaimedExamLeavesEveryoneElsesListAndReturnsOnRelease()
    {
        var exam = Exam();
        var a = Reporter("A");
        var b = Reporter("B");
        var engine = WorklistEngine.Build([exam], [a, b], Now, Policy);

        Assert.True(engine.Claimed(exam.Id, a.Id).Succeeded);
        Assert.Empty(engine.RankedFor(b.Id, Now));
        Assert.Equal(15, engine.HeldMinutes(a.Id));

        Assert.True(engine.Released(exam.Id).Succeeded);
        Assert.Single(engine.RankedFor(b.Id, Now));
        Assert.Equal(0, engine.HeldMinutes(a.Id));
        Assert.False(engine.Released(exam.Id).Succeeded);
    }

    [Fact]
    public void AReporterAtCapacityIsOfferedOnlyEmergencies()
    {
        var held = Exam(minutes: 50);
        var routine = Exam(minutes: 20);
        var ed = Exam(pathway: Pathway.Emergency, minutes: 20);
        var reporter = Reporter(capacity: 60);
        var engine = WorklistEngine.Build([held, routine, ed], [reporter], Now, Policy);
        engine.Claimed(held.Id, reporter.Id);

        Assert.Equal([ed.Id], engine.RankedFor(reporter.Id, Now).Select(r => r.Exam.Id));
    }

    [Fact]
    public void OneReportersPatientsOtherExamsGoToThemAndNoOneElse()
    {
        var first = Exam(patient: "P1", dueIn: TimeSpan.FromHours(1));
        var second = Exam(patient: "P1", dueIn: TimeSpan.FromDays(10));
        var other = Exam(patient: "P2", dueIn: TimeSpan.FromHours(2));
        var a = Reporter("A");
        var b = Reporter("B");
        var engine = WorklistEngine.Build([first, second, other], [a, b], Now, Policy);

        engine.Claimed(first.Id, a.Id);

        var listA = engine.RankedFor(a.Id, Now);
        Assert.Equal([second.Id, other.Id], listA.Select(r => r.Exam.Id));
        Assert.True(listA[0].SamePatientAsHeld);
        Assert.Equal([other.Id], engine.RankedFor(b.Id, Now).Select(r => r.Exam.Id));
    }

    /// <summary>A patient's other exams stay together with their reporter, but not ahead of someone else's emergency.</summary>
    [Fact]
    public void AnEmergencyGoesAheadOfTheRestOfAPatientTheReporterHolds()
    {
        var held = Exam(patient: "P1");
        var sameRoutine = Exam(patient: "P1", dueIn: TimeSpan.FromDays(10));
        var ed = Exam(patient: "P2", pathway: Pathway.Emergency, priority: ClinicalPriority.Stat);
        var reporter = Reporter();
        var engine = WorklistEngine.Build([held, sameRoutine, ed], [reporter], Now, Policy);
        engine.Claimed(held.Id, reporter.Id);

        var list = engine.RankedFor(reporter.Id, Now);

        Assert.Equal([(ed.Id, false), (sameRoutine.Id, true)], list.Select(r => (r.Exam.Id, r.SamePatientAsHeld)));
        Assert.Equal(ed.Id, engine.NextCase(reporter.Id, Now).Case!.Exam.Id);
    }

    [Fact]
    public void NextCaseBringsTheSamePatientsOtherExamsAlong()
    {
        var ct = Exam(patient: "P1", pathway: Pathway.Emergency);
        var xr = Exam(Skill.Chest, Modality.DX, patient: "P1", bodyPart: "CHEST");
        var reporter = Reporter();
        var engine = WorklistEngine.Build([ct, xr, Exam()], [reporter], Now, Policy);

        var next = engine.NextCase(reporter.Id, Now);

        Assert.Equal(ct.Id, next.Case!.Exam.Id);
        Assert.Equal([xr.Id], next.Case.SamePatient.Select(e => e.Id));
    }

    [Fact]
    public void SkippingNeedsAReasonIsCountedAndMovesNextCaseOnForAWhile()
    {
        var best = Exam(dueIn: TimeSpan.FromHours(1));
        var second = Exam(dueIn: TimeSpan.FromHours(2));
        var reporter = Reporter();
        var engine = WorklistEngine.Build([best, second], [reporter], Now, Policy);

        var refused = engine.RecordSkip(reporter.Id, best.Id, " ", Now);
        Assert.False(refused.Succeeded);
        Assert.Contains("needs a reason", refused.Reason);
        Assert.Equal(0, engine.SkipCount(reporter.Id));

        Assert.True(engine.RecordSkip(reporter.Id, best.Id, "Conflict of interest", Now).Succeeded);
        Assert.Equal(1, engine.SkipCount(reporter.Id));
        Assert.Equal(second.Id, engine.NextCase(reporter.Id, Now.AddMinutes(1)).Case!.Exam.Id);
        Assert.Equal(best.Id, engine.NextCase(reporter.Id, Now + Policy.SkipCooldown).Case!.Exam.Id);
        Assert.Equal(best.Id, engine.RankedFor(reporter.Id, Now.AddMinutes(1))[0].Exam.Id);
    }

    [Theory]
    [InlineData(false, true, "not on duty")]
    [InlineData(true, true, "on leave")]
    public void NextCaseSaysWhyThereIsNothing(bool onLeave, bool offDuty, string why)
    {
        var reporter = Reporter(onDuty: !offDuty || onLeave, onLeave: onLeave);
        var engine = WorklistEngine.Build([Exam()], [reporter], Now, Policy);

        var next = engine.NextCase(reporter.Id, Now);

        Assert.Null(next.Case);
        Assert.Contains(why, next.WhyNone, StringComparison.Ordinal);
    }

    [Fact]
    public void TheClockMovesABreachedRoutineExamAheadOfUrgentWorkDueLater()
    {
        var routine = Exam(dueIn: TimeSpan.FromMinutes(30));
        var urgent = Exam(pathway: Pathway.UrgentSuspectedCancer, dueIn: TimeSpan.FromDays(2));
        var reporter = Reporter();
        var engine = WorklistEngine.Build([routine, urgent], [reporter], Now, Policy);
        Assert.Equal([urgent.Id, routine.Id], engine.RankedFor(reporter.Id, Now).Select(r => r.Exam.Id));

        var later = Now.AddMinutes(31);

        Assert.Equal([routine.Id, urgent.Id], engine.RankedFor(reporter.Id, later).Select(r => r.Exam.Id));
        Assert.Equal(UrgencyClass.Urgent, engine.ClassOf(routine.Id));
    }

    [Fact]
    public void AnExamChangedInPlaceIsReRanked()
    {
        var a = Exam(dueIn: TimeSpan.FromHours(1));
        var b = Exam(dueIn: TimeSpan.FromHours(2));
        var reporter = Reporter();
        var engine = WorklistEngine.Build([a, b], [reporter], Now, Policy);

        engine.Upsert(b with { AiCritical = true });

        Assert.Equal([b.Id, a.Id], engine.RankedFor(reporter.Id, Now).Select(r => r.Exam.Id));
        Assert.Equal(2, engine.OpenCount);
        Assert.True(engine.Remove(a.Id));
        Assert.False(engine.Remove(a.Id));
        Assert.Equal(1, engine.OpenCount);
    }

    [Fact]
    public void AnExamClaimedBySomeoneTheEngineDoesNotKnowIsNotOffered()
    {
        var exam = Exam() with { ClaimedBy = Guid.NewGuid() };
        var reporter = Reporter();
        var engine = WorklistEngine.Build([exam], [reporter], Now, Policy);

        Assert.Empty(engine.RankedFor(reporter.Id, Now));
        Assert.True(engine.Released(exam.Id).Succeeded);
        Assert.Single(engine.RankedFor(reporter.Id, Now));
    }

    [Fact]
    public void ARotaChangeTakesEffectAtOnce()
    {
        var exam = Exam();
        var reporter = Reporter(onDuty: false);
        var engine = WorklistEngine.Build([exam], [reporter], Now, Policy);
        Assert.Empty(engine.RankedFor(reporter.Id, Now));

        engine.UpsertReporter(reporter with { Shifts = Reporter().Shifts });

        Assert.Single(engine.RankedFor(reporter.Id, Now));
    }

    [Fact]
    public void EmergencyWorkIsPushedToTheLeastLoadedEligibleReporterEvenWhenFull()
    {
        var busy = Exam(minutes: 100);
        var lighter = Exam(minutes: 30);
        var ed = Exam(pathway: Pathway.Emergency, minutes: 20);
        var a = Reporter("A", capacity: 100);
        var b = Reporter("B", capacity: 100);
        var engine = WorklistEngine.Build([busy, lighter, ed], [a, b], Now, Policy);
        engine.Claimed(busy.Id, a.Id);
        engine.Claimed(lighter.Id, b.Id);

        var assignment = Assert.Single(engine.Assign(Now));

        Assert.Equal((ed.Id, b.Id, AssignmentKind.Emergency), (assignment.ExamId, assignment.ReporterId, assignment.Kind));
    }

    [Fact]
    public void PushAssignmentDoesNotHandAReleasedExamStraightBackToWhoeverLetItGo()
    {
        var exam = Exam();
        var a = Reporter("A", capacity: 100);
        var b = Reporter("B", capacity: 100);
        var engine = WorklistEngine.Build([exam], [a, b], Now, Policy);
        Assert.True(engine.RecordSkip(a.Id, exam.Id, "Needs the outside priors", Now).Succeeded);
        Assert.True(engine.RecordSkip(b.Id, exam.Id, "Outside my comfort zone", Now).Succeeded);

        Assert.Empty(engine.Assign(Now.AddMinutes(1)));
        Assert.Single(engine.Assign(Now + Policy.SkipCooldown));
    }

    [Fact]
    public void EscalationsNameExamsNobodyOnDutyMayReport()
    {
        var breast = Exam(Skill.Breast, Modality.MG, bodyPart: "BREAST");
        var neuro = Exam();
        var reporter = Reporter();
        var engine = WorklistEngine.Build([breast, neuro], [reporter], Now, Policy);

        var escalation = Assert.Single(engine.Escalations(Now));

        Assert.Equal((breast.Id, EscalationKind.NoEligibleReporterOnDuty), (escalation.ExamId, escalation.Kind));
        Assert.Contains("out-of-hours", escalation.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void EscalationsForecastBreachesFromTheWorkAheadAndFlagAgeing()
    {
        var reporter = Reporter();
        var ahead = Enumerable.Range(0, 8).Select(i => Exam(pathway: Pathway.Inpatient, dueIn: TimeSpan.FromHours(1 + i), minutes: 30))
            .ToList();
        var tight = Exam(dueIn: TimeSpan.FromHours(3), minutes: 30);
        var aged = Exam(dueIn: TimeSpan.FromDays(10), waited: TimeSpan.FromDays(15), minutes: 5);
        var engine = WorklistEngine.Build([.. ahead, tight, aged], [reporter], Now, Policy);

        var escalations = engine.Escalations(Now);

        Assert.Contains(escalations, e => e.ExamId == tight.Id && e.Kind == EscalationKind.ForecastBreach);
        Assert.DoesNotContain(escalations, e => e.ExamId == ahead[0].Id);
        Assert.Contains(escalations, e => e.ExamId == aged.Id && e.Kind == EscalationKind.Ageing);
    }

    [Fact]
    public void TheExplanationCountsTheEligibleReportersOnDuty()
    {
        var exam = Exam(pathway: Pathway.Emergency, dueIn: TimeSpan.FromMinutes(12)) with { Description = "CT head" };
        var onCall = Reporter("On call");
        var chestOnly = Reporter("Chest", skills: [new ReporterSkill(Skill.Chest, 3)]);
        var engine = WorklistEngine.Build([exam], [onCall, chestOnly], Now, Policy);

        Assert.Equal("ED CT head: due in 12 min, about 15 min to read; you are the only one on duty who may take it.",
            engine.Explain(exam.Id, Now).Sentence);
    }
}
