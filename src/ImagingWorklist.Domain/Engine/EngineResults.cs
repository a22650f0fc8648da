using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Reporters;

namespace ImagingWorklist.Domain.Engine;

/// <summary>One line of a reporter's ranked list, with why it stands there.</summary>
public sealed record RankedExam(EngineExam Exam, UrgencyClass Class, int Rank, bool SamePatientAsHeld, PriorityExplanation Explanation);

public sealed record NextCase(EngineExam Exam, UrgencyClass Class, IReadOnlyList<EngineExam> SamePatient);

public sealed record NextCaseResult(NextCase? Case, string? WhyNone)
{
    public static NextCaseResult Found(NextCase next) => new(next, null);

    public static NextCaseResult None(string why) => new(null, why);
}

public enum AssignmentKind
{
    /// <summary>Emergency work goes to the least-loaded eligible reporter at once, over capacity if need be.</summary>
    Emergency,
    Push,
}

public sealed record Assignment(Guid ExamId, Guid ReporterId, AssignmentKind Kind, bool ExpectedOnTime);

public enum EscalationKind
{
    /// <summary>No reporter on duty now may report it: route to on-call, out-of-hours or outsourced cover.</summary>
    NoEligibleReporterOnDuty,
    /// <summary>With the eligible capacity on duty, it is forecast to finish after its due time (or already has).</summary>
    ForecastBreach,
    /// <summary>It has waited past the ageing threshold.</summary>
    Ageing,
}

/// <summary>An exam needing attention. The figures are kept; the sentence is only written when someone reads it.</summary>
public sealed record Escalation(Guid ExamId, EscalationKind Kind, Skill Skill, TimeSpan Waited, TimeSpan ForecastLateness,
    double MinutesAhead, int ReportersOnDuty)
{
    public string Explanation => Kind switch
    {
        EscalationKind.NoEligibleReporterOnDuty =>
            $"No reporter on duty may report this {Skill} exam at this site: route it to on-call, out-of-hours or outsourced cover.",
        EscalationKind.ForecastBreach =>
            $"Forecast to finish {Durations.Describe(ForecastLateness)} after its due time: {MinutesAhead:0} min of more urgent {Skill} " +
                $"work ahead for {ReportersOnDuty} reporter(s) on duty.",
        _ => $"Waiting {Durations.Describe(Waited)} since it was ready to report.",
    };
}

/// <summary>The pool at a moment: unclaimed exams by urgency class (indexed by class), unclaimed past due, claimed, and the longest
/// unclaimed wait.</summary>
public sealed record PoolSummary(IReadOnlyList<int> UnclaimedByClass, int PastDue, int Claimed, TimeSpan OldestWait);
