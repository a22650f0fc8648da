namespace ImagingWorklist.Domain.Exams;

/// <summary>How soon a fast-lane exam needs its first (verbal or preliminary) report and its final one.</summary>
public sealed record FastLaneTargets(TimeSpan PreliminaryWithin, TimeSpan FinalWithin)
{
    /// <summary>The defaults of issue 21: a verbal or preliminary report within 10 minutes, the final within an hour.</summary>
    public static FastLaneTargets Default { get; } = new(TimeSpan.FromMinutes(10), TimeSpan.FromHours(1));
}
