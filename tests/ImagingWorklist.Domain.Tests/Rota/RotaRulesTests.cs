using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Rota;
using ImagingWorklist.Domain.Tests.Engine;

namespace ImagingWorklist.Domain.Tests.Rota;

public class RotaRulesTests
{
    private static readonly DateTimeOffset Saturday = new(2026, 12, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly Guid Person = Guid.NewGuid();
    private static readonly Guid TrustA = EngineWorld.TrustA;
    private static readonly Guid TrustB = EngineWorld.TrustB;

    [Fact]
    public void AShiftOverlappingTheSamePersonsOtherShiftIsRefusedAndSaysWhich()
    {
        var existing =
            new RotaShift(Guid.NewGuid(), Person, ShiftKind.OnCallFirst, Saturday.AddHours(18), Saturday.AddHours(32), CoverScope.Network,
            [], 240);

        var problems = RotaChecks.Check(Plan(ShiftKind.InHoursSession, 30, 36), Context(shifts: [existing]));

        var problem = Assert.Single(problems);
        Assert.True(problem.Refuses);
        Assert.Equal("Dr Rota already has a shift then (on-call 1st, Sat 5 Dec 18:00–Sun 6 Dec 08:00).", problem.Message);
        Assert.Empty(RotaChecks.Check(Plan(ShiftKind.InHoursSession, 32, 36), Context(shifts: [existing])));
        Assert.Empty(RotaChecks.Check(Plan(ShiftKind.OnCallFirst, 18, 32) with { Id = existing.Id }, Context(shifts: [existing])));
    }

    [Fact]
    public void CoverForATrustNeedsACredentialForTheWholeShift()
    {
        var endsMidShift = new Credential(Guid.NewGuid(), Person, TrustB, Saturday.AddYears(-1), Saturday.AddHours(20));

        var problems =
            RotaChecks.Check(Plan(ShiftKind.OnCallFirst, 18, 32, CoverScope.Trusts, [TrustA, TrustB]),
            Context(credentials: [Valid(TrustA), endsMidShift]));

        Assert.Equal("Dr Rota holds no valid credential for Beta Trust for the whole shift; grant one first (Admin).",
            Assert.Single(problems).Message);
        Assert.Contains("no valid credential for any trust",
            Assert.Single(RotaChecks.Check(Plan(ShiftKind.InHoursSession, 8, 13), Context(credentials: []))).Message);
    }

    [Theory]
    [InlineData(300, 300, false)]
    [InlineData(301, 300, true)]
    public void CapacityMayBeAtMostTheWholeShift(int capacity, int minutes, bool refused)
    {
        var plan = Plan(ShiftKind.InHoursSession, 8, 13) with { CapacityMinutes = capacity };

        var problems = RotaChecks.Check(plan, Context());

        Assert.Equal(refused, problems.Any(p => p.Refuses && p.Message.Contains("more than 100 %", StringComparison.Ordinal)));
        Assert.Equal(minutes, plan.DurationMinutes);
    }

    [Fact]
    public void OnCallOverLeaveIsRefusedASessionOverLeaveIsOnlyWarnedAndLeaveOverOnCallIsWarned()
    {
        var leave = new Absence(Guid.NewGuid(), Person, AbsenceKind.AnnualLeave, Saturday, Saturday.AddDays(2));

        var onCall = Assert.Single(RotaChecks.Check(Plan(ShiftKind.OnCallSecond, 18, 32), Context(absences: [leave])));
        var session = Assert.Single(RotaChecks.Check(Plan(ShiftKind.InHoursSession, 8, 13), Context(absences: [leave])));

        Assert.Equal((true, "Dr Rota is on annual leave Sat 5 Dec 00:00–Mon 7 Dec 00:00; on-call cannot clash with leave."),
            (onCall.Refuses, onCall.Message));
        Assert.False(session.Refuses);
        var onCallShift =
            new RotaShift(Guid.NewGuid(), Person, ShiftKind.OnCallFirst, Saturday.AddHours(18), Saturday.AddHours(32), CoverScope.Network,
            [], 240);
        var warning =
            Assert.Single(
            RotaChecks.CheckAbsence(Person, Saturday, Saturday.AddDays(1), AbsenceKind.SickLeave, Context(shifts: [onCallShift])));
        Assert.Equal((false, "This sick leave clashes with Dr Rota's on-call 1st (Sat 5 Dec 18:00–Sun 6 Dec 08:00): find cover for it."),
            (warning.Refuses, warning.Message));
    }

    [Fact]
    public void GapsAreHoursWithNobodyEligibleMergedIntoSpans()
    {
        var from = Saturday;
        var neuroDay = Person(Skill.Neuro, [TrustA], Shift(8, 18, CoverScope.Network));
        var neuroNightOnLeave =
            Person(Skill.Neuro, [TrustA, TrustB], Shift(18, 24 + 8, CoverScope.Network))
            with { Absences = [(from.AddHours(20), from.AddHours(22))] };
        var chestForB = Person(Skill.Chest, [TrustA, TrustB], Shift(0, 24, CoverScope.Trusts, [TrustB]));
        CoverTrust[] trusts = [new(TrustA, [EngineWorld.SiteA1]), new(TrustB, [EngineWorld.SiteB1])];

        var gaps = CoverGaps.Find([neuroDay, neuroNightOnLeave, chestForB], trusts, [Skill.Neuro, Skill.Chest], from, 24);

        // Neuro at A: day reporter 08–18, night reporter from 18:00 but on leave 20–22; so uncovered 00–08 and 20–22.
        Assert.Contains(new CoverGap(Skill.Neuro, TrustA, from, from.AddHours(8)), gaps);
        Assert.Contains(new CoverGap(Skill.Neuro, TrustA, from.AddHours(20), from.AddHours(22)), gaps);
        // Neuro at B: only the night reporter holds a B credential: uncovered until 18:00 and during the leave.
        Assert.Contains(new CoverGap(Skill.Neuro, TrustB, from, from.AddHours(18)), gaps);
        Assert.Contains(new CoverGap(Skill.Neuro, TrustB, from.AddHours(20), from.AddHours(22)), gaps);
        // Chest: the chest reporter covers B all day, A never.
        Assert.Contains(new CoverGap(Skill.Chest, TrustA, from, from.AddHours(24)), gaps);
        Assert.DoesNotContain(gaps, g => g.Skill == Skill.Chest && g.TrustId == TrustB);
        Assert.Equal(5, gaps.Count);

        EngineReporter Person(Skill skill, Guid[] credentialed, EngineShift shift) =>
            EngineWorld.Reporter(skills: [new ReporterSkill(skill, 2)], credentialedFor: credentialed) with { Shifts = [shift] };

        EngineShift Shift(int fromHour, int toHour, CoverScope scope, Guid[]? covered = null) =>
            new(from.AddHours(fromHour), from.AddHours(toHour), ShiftKind.InHoursSession, scope, covered ?? [], 240);
    }

    [Fact]
    public void OutOfHoursTheOnCallReporterIsEligibleAndLeaveTakesThemOff()
    {
        var night = EngineWorld.Now.Date.AddHours(2);
        var at = new DateTimeOffset(night, TimeSpan.Zero);
        var exam = EngineWorld.Exam(pathway: Domain.Exams.Pathway.Emergency) with { ReadyAt = at.AddMinutes(-10), DueAt = at.AddHours(1) };
        var onCall =
            EngineWorld.Reporter("Dr Night")
            with { Shifts = [new EngineShift(at.AddHours(-8), at.AddHours(6), ShiftKind.OnCallFirst, CoverScope.Network, [], 240)] };
        var dayOnly =
            EngineWorld.Reporter("Dr Day")
            with { Shifts = [new EngineShift(at.AddHours(6), at.AddHours(16), ShiftKind.InHoursSession, CoverScope.Network, [], 240)] };
        var onCallOnLeave = onCall with { Id = Guid.NewGuid(), Name = "Dr Away", Absences = [(at.AddHours(-1), at.AddHours(1))] };

        var engine = WorklistEngine.Build([exam], [onCall, dayOnly, onCallOnLeave], at, EnginePolicy.Default);

        Assert.Equal(exam.Id, Assert.Single(engine.RankedFor(onCall.Id, at)).Exam.Id);
        Assert.Empty(engine.RankedFor(dayOnly.Id, at));
        Assert.Empty(engine.RankedFor(onCallOnLeave.Id, at));
        Assert.Contains("on leave", engine.NextCase(onCallOnLeave.Id, at).WhyNone, StringComparison.Ordinal);
    }

    private static ShiftPlan Plan(ShiftKind kind, int fromHour, int toHour, CoverScope scope = CoverScope.Network, Guid[]? covered = null)
        =>
        new(null, Person, kind, Saturday.AddHours(fromHour), Saturday.AddHours(toHour), scope, covered ?? [], 60);

    private static Credential Valid(Guid trust) => new(Guid.NewGuid(), Person, trust, Saturday.AddYears(-1), null);

    private static RotaContext Context(RotaShift[]? shifts = null, Absence[]? absences = null, Credential[]? credentials = null) =>
        new("Dr Rota", shifts ?? [], absences ?? [], credentials ?? [Valid(TrustA), Valid(TrustB)],
            new Dictionary<Guid, Guid> { [EngineWorld.SiteA1] = TrustA, [EngineWorld.SiteB1] = TrustB },
            new Dictionary<Guid, string> { [TrustA] = "Alpha Trust", [TrustB] = "Beta Trust" },
            TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
}
