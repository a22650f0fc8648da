using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Reporters;
using static ImagingWorklist.Domain.Tests.Engine.EngineWorld;

namespace ImagingWorklist.Domain.Tests.Engine;

/// <summary>Properties over hundreds of seeded random networks; a failure names its seed so it can be replayed.</summary>
public class EnginePropertyTests
{
    private const int Worlds = 300;
    private static readonly EnginePolicy Policy = EnginePolicy.Default;

    public static TheoryData<int> Seeds
    {
        get
        {
            var data = new TheoryData<int>();
            for (var block = 0; block < 6; block++)
            {
                data.Add(block);
            }

            return data;
        }
    }

    private static IEnumerable<int> SeedsOf(int block) => Enumerable.Range(block * (Worlds / 6), Worlds / 6);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void WithOneReporterTheOrderWithinAClassIsEarliestDueDate(int block)
    {
        foreach (var seed in SeedsOf(block))
        {
            var (exams, _) = Random(seed);
            var reporter = Reporter();
            var engine = WorklistEngine.Build(exams, [reporter], Now, Policy);

            var list = engine.RankedFor(reporter.Id, Now, take: int.MaxValue).Where(r => !r.SamePatientAsHeld).ToList();

            foreach (var sameClass in list.GroupBy(r => r.Class))
            {
                var due = sameClass.Select(r => r.Exam.DueAt).ToList();
                Assert.True(due.SequenceEqual(due.Order()), $"seed {seed}: class {sameClass.Key} is not in due order");
            }

            Assert.True(list.Select(r => r.Class).SequenceEqual(list.Select(r => r.Class).Order()), $"seed {seed}: classes out of order");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TheRankedListIsExactlyTheSetTheReferenceRulesAllow(int block)
    {
        foreach (var seed in SeedsOf(block))
        {
            var (exams, reporters) = Random(seed);
            var engine = WorklistEngine.Build(exams, reporters, Now, Policy);
            foreach (var reporter in reporters)
            {
                var listed = engine.RankedFor(reporter.Id, Now, take: int.MaxValue).Select(r => r.Exam.Id).ToHashSet();
                var allowed = exams.Where(e => Eligibility.Check(reporter, e, 0, Now, Policy).IsEligible).Select(e => e.Id).ToHashSet();

                Assert.True(allowed.SetEquals(listed), $"seed {seed}, {reporter.Name}: engine and reference rules disagree");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void PushAssignmentNeverBreaksEligibilityOrCapacityExceptTheEmergencyBypass(int block)
    {
        foreach (var seed in SeedsOf(block))
        {
            var (exams, reporters) = Random(seed);
            var engine = WorklistEngine.Build(exams, reporters, Now, Policy);

            var assignments = engine.Assign(Now);

            Assert.Equal(assignments.Count, assignments.Select(a => a.ExamId).Distinct().Count());
            foreach (var byReporter in assignments.GroupBy(a => a.ReporterId))
            {
                var reporter = reporters.Single(r => r.Id == byReporter.Key);
                var held = 0;
                foreach (var assignment in byReporter.Where(a => a.Kind == AssignmentKind.Push))
                {
                    var exam = exams.Single(e => e.Id == assignment.ExamId);
                    var verdict = Eligibility.Check(reporter, exam, held, Now, Policy);
                    Assert.True(verdict.IsEligible,
                        $"seed {seed}: {reporter.Name} assigned {exam.Id}: " +
                        $"{string.Join("; ", verdict.Reasons.Select(r => r.Explanation))}");
                    held += exam.ExpectedMinutes;
                }

                foreach (var assignment in byReporter.Where(a => a.Kind == AssignmentKind.Emergency))
                {
                    var exam = exams.Single(e => e.Id == assignment.ExamId);
                    Assert.Equal(UrgencyClass.Emergency, Prioritiser.ClassOf(exam, Now, Policy));
                    Assert.True(Eligibility.Check(reporter, exam, 0, Now, Policy).IsEligible,
                        $"seed {seed}: emergency to an ineligible reporter");
                }

                Assert.True(held <= reporter.CapacityAt(Now),
                    $"seed {seed}: {reporter.Name} pushed {held} min over a {reporter.CapacityAt(Now)} min capacity");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void NoExamIsLeftUnassignedWhileAnEligibleReporterHasRoomForIt(int block)
    {
        foreach (var seed in SeedsOf(block))
        {
            var (exams, reporters) = Random(seed);
            var engine = WorklistEngine.Build(exams, reporters, Now, Policy);

            var assignments = engine.Assign(Now);

            var assigned = assignments.Select(a => a.ExamId).ToHashSet();
            var load =
                reporters.ToDictionary(r => r.Id, r
                => assignments.Where(a => a.ReporterId == r.Id).Sum(a => exams.Single(e => e.Id == a.ExamId).ExpectedMinutes));
            foreach (var exam in exams.Where(e => !assigned.Contains(e.Id)))
            {
                var idle = reporters.Where(r =>
                    r.CapacityAt(Now) is { } capacity
                    && capacity - load[r.Id] >= exam.ExpectedMinutes
                    && Eligibility.Check(r, exam, 0, Now, Policy).IsEligible
                    && !assignments.Any(a => a.ReporterId != r.Id && exams.Single(e => e.Id == a.ExamId).PatientKey == exam.PatientKey));
                Assert.False(idle.Any(), $"seed {seed}: exam {exam.Id} starved while an eligible reporter had room");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ApplyingEventsOneByOneEndsWhereARebuildStarts(int block)
    {
        foreach (var seed in SeedsOf(block))
        {
            var (exams, reporters) = Random(seed, reporters: 3, exams: 30);
            var random = new Random(seed);
            var engine = WorklistEngine.Build([], reporters, Now, Policy);
            var truth = new Dictionary<Guid, EngineExam>();
            var now = Now;
            foreach (var exam in exams)
            {
                engine.Upsert(exam);
                truth[exam.Id] = exam;
                var pick = truth.Values.ElementAt(random.Next(truth.Count));
                switch (random.Next(5))
                {
                    case 0:
                        var holder = reporters[random.Next(reporters.Count)].Id;
                        engine.Claimed(pick.Id, holder);
                        truth[pick.Id] = pick with { ClaimedBy = holder };
                        break;
                    case 1 when pick.ClaimedBy is not null:
                        engine.Released(pick.Id);
                        truth[pick.Id] = pick with { ClaimedBy = null };
                        break;
                    case 2:
                        engine.Remove(pick.Id);
                        truth.Remove(pick.Id);
                        break;
                    case 3:
                        now = now.AddMinutes(random.Next(0, 600));
                        engine.AdvanceTo(now);
                        break;
                }
            }

            var rebuilt = WorklistEngine.Build(truth.Values, reporters, now, Policy);
            foreach (var reporter in reporters)
            {
                Assert.Equal(
                    rebuilt.RankedFor(reporter.Id, now, int.MaxValue).Select(r => (r.Exam.Id, r.Class)),
                    engine.RankedFor(reporter.Id, now, int.MaxValue).Select(r => (r.Exam.Id, r.Class)));
                Assert.Equal(rebuilt.HeldMinutes(reporter.Id), engine.HeldMinutes(reporter.Id));
            }
        }
    }

    [Fact]
    public void AnExamNeverWaitsTowardsTheFourWeekLimitBehindFreshNonEmergencyWork()
    {
        foreach (var seed in Enumerable.Range(0, Worlds))
        {
            var (exams, _) = Random(seed);
            var reporter =
                Reporter(
                skills: [new ReporterSkill(Skill.General, 3), .. Enum.GetValues<Skill>().Where(s => s != Skill.General)
                .Select(s => new ReporterSkill(s, 3))], capacity: 100_000);
            var engine = WorklistEngine.Build(exams, [reporter], Now, Policy);

            var list = engine.RankedFor(reporter.Id, Now, int.MaxValue);

            var firstFreshNonEmergency =
                list.FirstOrDefault(r => r.Class != UrgencyClass.Emergency && Now - r.Exam.ReadyAt < Policy.AgeingFirstPromotion);
            foreach (var old in list.Where(r => Now - r.Exam.ReadyAt >= Policy.AgeingSecondPromotion))
            {
                Assert.True(firstFreshNonEmergency is null || old.Rank < firstFreshNonEmergency.Rank
                    || firstFreshNonEmergency.Class <= UrgencyClass.High && firstFreshNonEmergency.Exam.DueAt <= old.Exam.DueAt,
                    $"seed {seed}: an exam waiting {(Now - old.Exam.ReadyAt).TotalDays:0} days ranks behind fresh " +
                        $"{firstFreshNonEmergency?.Class} work");
            }
        }
    }
}
