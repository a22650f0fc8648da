using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Exams;
using static ImagingWorklist.Domain.Tests.Engine.EngineWorld;

namespace ImagingWorklist.Domain.Tests.Engine;

public class PrioritiserTests
{
    private static readonly EnginePolicy Policy = EnginePolicy.Default;

    [Theory]
    [InlineData(Pathway.Emergency, ClinicalPriority.Routine, UrgencyClass.Emergency)]
    [InlineData(Pathway.Outpatient, ClinicalPriority.Stat, UrgencyClass.Emergency)]
    [InlineData(Pathway.Outpatient, ClinicalPriority.Asap, UrgencyClass.High)]
    [InlineData(Pathway.Inpatient, ClinicalPriority.Routine, UrgencyClass.Urgent)]
    [InlineData(Pathway.UrgentSuspectedCancer, ClinicalPriority.Routine, UrgencyClass.Urgent)]
    [InlineData(Pathway.Outpatient, ClinicalPriority.Urgent, UrgencyClass.Urgent)]
    [InlineData(Pathway.GpDirectAccess, ClinicalPriority.Routine, UrgencyClass.Routine)]
    [InlineData(Pathway.Screening, ClinicalPriority.Routine, UrgencyClass.Routine)]
    public void UrgencyComesFromPriorityAndPathway(Pathway pathway, ClinicalPriority priority, UrgencyClass expected)
    {
        Assert.Equal(expected, Prioritiser.ClassOf(Exam(pathway: pathway, priority: priority), Now, Policy));
    }

    [Theory]
    [InlineData(false, false, false, 1, UrgencyClass.Routine)]
    [InlineData(true, false, false, 1, UrgencyClass.Urgent)]
    [InlineData(false, true, false, 1, UrgencyClass.Urgent)]
    [InlineData(true, true, false, 1, UrgencyClass.High)]
    [InlineData(false, false, true, 1, UrgencyClass.Emergency)]
    [InlineData(false, false, false, 14, UrgencyClass.Urgent)]
    [InlineData(false, false, false, 21, UrgencyClass.High)]
    [InlineData(true, false, false, 21, UrgencyClass.High)]
    public void BoostsAndAgeingMoveAnExamUp(bool breached, bool escalated, bool aiCritical, int daysWaiting, UrgencyClass expected)
    {
        var exam = Exam(dueIn: breached ? TimeSpan.FromMinutes(-5) : TimeSpan.FromDays(1), waited: TimeSpan.FromDays(daysWaiting)) with
        {
            Escalated = escalated,
            AiCritical = aiCritical,
        };

        Assert.Equal(expected, Prioritiser.ClassOf(exam, Now, Policy));
    }

    [Fact]
    public void TheNextClassChangeIsTheEarliestFutureInstant()
    {
        var exam = Exam(dueIn: TimeSpan.FromHours(3), waited: TimeSpan.FromDays(1));

        Assert.Equal(Now.AddHours(3), Prioritiser.NextChange(exam, Now, Policy));
        Assert.Equal(exam.ReadyAt + Policy.AgeingFirstPromotion, Prioritiser.NextChange(exam, Now.AddHours(3), Policy));
        Assert.Null(Prioritiser.NextChange(exam, exam.ReadyAt + Policy.AgeingSecondPromotion, Policy));
    }

    [Fact]
    public void TheExplanationNamesEveryFactorAndReadsAsOneSentence()
    {
        var exam = Exam(pathway: Pathway.Emergency, dueIn: TimeSpan.FromMinutes(12), minutes: 16) with { Description = "CT head" };

        var explanation = Prioritiser.Explain(exam, Now, Policy, eligibleOnDuty: 1);

        Assert.Equal(UrgencyClass.Emergency, explanation.Class);
        Assert.Equal("ED CT head: due in 12 min, about 16 min to read; you are the only one on duty who may take it.",
            explanation.Sentence);
        Assert.Contains(explanation.Factors, f => f.Name == "Clinical urgency"
            && f.Effect.Contains("emergency class", StringComparison.Ordinal));
        Assert.Contains(explanation.Factors, f => f.Name == "Time in hand" && f.Effect == "4 min short: about 16 min to read");
        Assert.Equal(TimeSpan.FromMinutes(-4), explanation.Slack);
    }

    [Fact]
    public void ABreachedAgedExamExplainsBothBoosts()
    {
        var exam = Exam(dueIn: TimeSpan.FromDays(-1), waited: TimeSpan.FromDays(22));

        var explanation = Prioritiser.Explain(exam, Now, Policy, eligibleOnDuty: 0);

        Assert.Contains(explanation.Factors, f => f.Name == "Past its due time"
            && f.Effect.StartsWith("due 1 d ago", StringComparison.Ordinal));
        Assert.Contains(explanation.Factors, f => f.Name == "Waiting a long time");
        Assert.EndsWith("nobody on duty may take it.", explanation.Sentence, StringComparison.Ordinal);
    }
}
