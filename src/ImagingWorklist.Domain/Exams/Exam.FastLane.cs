using ImagingWorklist.Domain.Common;

namespace ImagingWorklist.Domain.Exams;

/// <summary>The exam's hyperacute fast lane (decision 0024): who or what put it there, and since when.</summary>
public sealed partial class Exam
{
    public const int FastLaneReasonMaxLength = 400;

    /// <summary>The hyperacute lane the exam is in, or null: an exam in a lane is first on every eligible reporter's list.</summary>
    public FastLane? FastLane { get; private set; }

    /// <summary>When it entered the lane.</summary>
    public DateTimeOffset? FastLaneSince { get; private set; }

    /// <summary>Why, in words: "order code STROKE", "flagged by Dr A Jones: query LVO", or the AI finding's sentence.</summary>
    public string? FastLaneReason { get; private set; }

    /// <summary>When the first verbal or preliminary report was given: a fast lane's first clock stops here.</summary>
    public DateTimeOffset? FirstPreliminaryAt { get; private set; }

    /// <summary>
    /// Puts an open exam into a fast lane. An exam already in a lane stays in the one it entered first, with its clock:
    /// a second reason (the AI agreeing with the order) does not restart it.
    /// </summary>
    public Outcome EnterFastLane(FastLane lane, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (State.IsTerminal() || State == ExamState.AwaitingVerification)
        {
            return Outcome.Rejected($"Exam {Accession} is {Labels.Of(State).ToLowerInvariant()}; only an exam waiting for its report " +
                "can enter a fast lane.");
        }

        if (FastLane is { } current)
        {
            return Outcome.Rejected($"Exam {Accession} is already in the {Labels.Of(current).ToLowerInvariant()} fast lane, since " +
                $"{UkCalendar.TimeOfDay(FastLaneSince!.Value)}.");
        }

        var text = reason.Trim();
        FastLane = lane;
        FastLaneSince = now;
        FastLaneReason = text.Length > FastLaneReasonMaxLength ? text[..FastLaneReasonMaxLength] : text;
        return Changed(State, now);
    }

    /// <summary>Takes the exam out of its fast lane (a flag raised in error); the reason is audited by the caller.</summary>
    public Outcome LeaveFastLane(DateTimeOffset now)
    {
        if (FastLane is null)
        {
            return Outcome.Rejected($"Exam {Accession} is not in a fast lane.");
        }

        if (State.IsTerminal())
        {
            return Outcome.Rejected($"Exam {Accession} is {Labels.Of(State).ToLowerInvariant()}; its fast-lane record stays as it was.");
        }

        FastLane = null;
        FastLaneSince = null;
        FastLaneReason = null;
        return Changed(State, now);
    }
}
