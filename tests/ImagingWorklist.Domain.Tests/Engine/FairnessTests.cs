using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Exams;
using static ImagingWorklist.Domain.Tests.Engine.EngineWorld;

namespace ImagingWorklist.Domain.Tests.Engine;

/// <summary>Workload credit across days breaks Next case's ties and steers push (decision 0025); urgency never yields to it.</summary>
public sealed class FairnessTests
{
    private static readonly EnginePolicy Policy = EnginePolicy.Default;

    [Fact]
    public void AReporterBehindTakesTheLongestOfATieAndOneAheadTheShortest()
    {
        var first = Exam(dueIn: TimeSpan.FromHours(2), minutes: 15);
        var longest = Exam(dueIn: TimeSpan.FromHours(2) + TimeSpan.FromMinutes(5), minutes: 30);
        var shortest = Exam(dueIn: TimeSpan.FromHours(2) + TimeSpan.FromMinutes(10), minutes: 5);
        var laterAndLonger = Exam(dueIn: TimeSpan.FromHours(3), minutes: 60);
        var behind = Reporter("Behind") with { CreditMinutes = 100, CreditCapacityMinutes = 1000 };
        var ahead = Reporter("Ahead") with { CreditMinutes = 900, CreditCapacityMinutes = 1000 };
        var engine = WorklistEngine.Build([first, longest, shortest, laterAndLonger], [behind, ahead], Now, Policy);

        var forBehind = engine.NextCase(behind.Id, Now).Case!;
        var forAhead = engine.NextCase(ahead.Id, Now).Case!;

        Assert.Equal(longest.Id, forBehind.Exam.Id);
        Assert.Equal("Of the cases as urgent as this one and due within 15 min of the first, the longest: your reading over the last 7 d " +
            "is 8 % of your rostered capacity, against 73 % for colleagues on duty.", forBehind.Fairness);
        Assert.Equal(shortest.Id, forAhead.Exam.Id);
        Assert.Contains("the shortest", forAhead.Fairness, StringComparison.Ordinal);

        // The list itself keeps urgency and due order: fairness only breaks Next case's ties.
        Assert.Equal(first.Id, engine.RankedFor(behind.Id, Now)[0].Exam.Id);
    }

    [Fact]
    public void EvenCreditMoreUrgentWorkAndExamsBeyondTheWindowAreNeverMoved()
    {
        var routine = Exam(dueIn: TimeSpan.FromHours(2), minutes: 15);
        var longRoutineLater = Exam(dueIn: TimeSpan.FromHours(2) + TimeSpan.FromMinutes(20), minutes: 60);
        var even = Reporter("Even") with { CreditMinutes = 500, CreditCapacityMinutes = 1000 };
        var alsoEven = Reporter("Also even") with { CreditMinutes = 520, CreditCapacityMinutes = 1000 };
        var behind = Reporter("Behind") with { CreditMinutes = 0, CreditCapacityMinutes = 1000 };
        var urgent = Exam(pathway: Pathway.UrgentSuspectedCancer, dueIn: TimeSpan.FromHours(5), minutes: 10);
        var engine = WorklistEngine.Build([routine, longRoutineLater], [even, alsoEven], Now, Policy);

        var next = engine.NextCase(even.Id, Now).Case!;
        Assert.Equal((routine.Id, (string?)null), (next.Exam.Id, next.Fairness));

        // Behind, but the long exam is due 20 minutes after the first: outside the tie, so the first stands.
        engine.UpsertReporter(behind);
        Assert.Equal(routine.Id, engine.NextCase(behind.Id, Now).Case!.Exam.Id);

        // A more urgent class is first whatever the credit.
        engine.Upsert(urgent);
        Assert.Equal(urgent.Id, engine.NextCase(behind.Id, Now).Case!.Exam.Id);
    }

    [Fact]
    public void PushSendsWorkToTheReporterWithLessCreditOverTheWindow()
    {
        var exam = Exam(dueIn: TimeSpan.FromDays(2), minutes: 20);
        var busyWeek = Reporter("Busy week") with { CreditMinutes = 1200, CreditCapacityMinutes = 1400 };
        var quietWeek = Reporter("Quiet week") with { CreditMinutes = 300, CreditCapacityMinutes = 1400 };
        var engine = WorklistEngine.Build([exam], [busyWeek, quietWeek], Now, Policy);

        Assert.Equal(quietWeek.Id, Assert.Single(engine.Assign(Now)).ReporterId);
    }
}
