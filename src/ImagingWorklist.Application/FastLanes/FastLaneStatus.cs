using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Application.FastLanes;

/// <summary>An exam's fast lane as its page shows it, read afresh on every change to the exam.</summary>
/// <param name="MayEnter">The exam is still waiting for its report, so a flag can put it into a lane.</param>
public sealed record FastLaneStatus(FastLane? Lane, string? Reason, DateTimeOffset? Since, FastLaneClock? Clock, bool MayEnter)
{
    public static FastLaneStatus None { get; } = new(null, null, null, null, false);
}
