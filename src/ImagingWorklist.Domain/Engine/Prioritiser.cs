using ImagingWorklist.Domain.Common;

namespace ImagingWorklist.Domain.Engine;

/// <summary>
/// Urgency class first; within a class, earliest due time first (Jackson's rule, which minimises the worst lateness
/// for one reporter). The class depends on time only at known instants (the due time, the ageing thresholds), so the
/// engine can keep a sorted index and re-key an exam only when one of its instants passes.
/// </summary>
public static class Prioritiser
{
    public static UrgencyClass ClassOf(EngineExam exam, DateTimeOffset now, EnginePolicy policy)
    {
        if (exam.FastLane is not null)
        {
            return UrgencyClass.Hyperacute;
        }

        if (exam.AiCritical)
        {
            return UrgencyClass.Emergency;
        }

        var urgency = UrgencyClasses.Base(exam.Priority, exam.Pathway);
        if (exam.Escalated)
        {
            urgency = urgency.Promote();
        }

        if (now >= exam.DueAt)
        {
            urgency = urgency.Promote();
        }

        var waited = now - exam.ReadyAt;
        if (waited >= policy.AgeingSecondPromotion)
        {
            urgency = urgency.AtLeast(UrgencyClass.High);
        }
        else if (waited >= policy.AgeingFirstPromotion)
        {
            urgency = urgency.AtLeast(UrgencyClass.Urgent);
        }

        return urgency;
    }

    /// <summary>The next instant after <paramref name="now"/> at which the exam's class can change, or null if none.</summary>
    public static DateTimeOffset? NextChange(EngineExam exam, DateTimeOffset now, EnginePolicy policy)
    {
        DateTimeOffset? next = null;
        foreach (var instant in (ReadOnlySpan<DateTimeOffset>)[exam.DueAt, exam.ReadyAt + policy.AgeingFirstPromotion,
            exam.ReadyAt + policy.AgeingSecondPromotion])
        {
            if (instant > now && (next is null || instant < next))
            {
                next = instant;
            }
        }

        return next;
    }

    public static PriorityExplanation Explain(EngineExam exam, DateTimeOffset now, EnginePolicy policy, int eligibleOnDuty)
    {
        var factors = new List<PriorityFactor>();
        var baseClass = UrgencyClasses.Base(exam.Priority, exam.Pathway);
        factors.Add(
            new("Clinical urgency",
            $"{Labels.Of(exam.Pathway)}, {exam.Priority.ToString().ToLowerInvariant()} priority: {baseClass.Label()} class"));
        if (exam.FastLane is { } lane)
        {
            factors.Add(new("Fast lane", $"{Labels.Of(lane).ToLowerInvariant()} fast lane ({exam.FastLaneReason ?? "flagged"}): " +
                "first on the list of everyone on duty who may take it"));
        }

        if (exam.AiCritical)
        {
            factors.Add(new("AI flag", $"{exam.AiReason ?? "an AI system flagged a critical finding"}: treated as an emergency"));
        }

        if (exam.Escalated)
        {
            factors.Add(new("Escalated", "a clinician asked for it sooner: moved up one class"));
        }

        if (now >= exam.DueAt)
        {
            factors.Add(new("Past its due time", $"due {Durations.Describe(now - exam.DueAt)} ago: moved up one class"));
        }

        var waited = now - exam.ReadyAt;
        if (waited >= policy.AgeingFirstPromotion)
        {
            var floor = waited >= policy.AgeingSecondPromotion ? UrgencyClass.High : UrgencyClass.Urgent;
            factors.Add(
                new("Waiting a long time",
                $"waiting {Durations.Describe(waited)}: at least {floor.Label()} class, so nothing nears the 4-week limit"));
        }

        var slack = exam.DueAt - now - TimeSpan.FromMinutes(exam.ExpectedMinutes);
        factors.Add(new("Time in hand", slack >= TimeSpan.Zero
            ? $"{Durations.Describe(slack)} to spare after about {exam.ExpectedMinutes} min to read"
            : $"{Durations.Describe(slack.Duration())} short: about {exam.ExpectedMinutes} min to read"));

        var due = now >= exam.DueAt ? $"due {Durations.Describe(now - exam.DueAt)} ago" : $"due in {Durations.Describe(exam.DueAt - now)}";
        var who = eligibleOnDuty switch
        {
            <= 0 => "nobody on duty may take it",
            1 => "you are the only one on duty who may take it",
            _ => $"{eligibleOnDuty} people on duty may take it",
        };
        var sentence = $"{Labels.Of(exam.Pathway)} {exam.Description}: {due}, about {exam.ExpectedMinutes} min to read; {who}.";
        return new PriorityExplanation(ClassOf(exam, now, policy), factors, exam.DueAt, slack, sentence);
    }

}
