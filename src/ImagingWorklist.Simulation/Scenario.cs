namespace ImagingWorklist.Simulation;

/// <summary>How reporters take work: the four ways networks work today, and the engine in both of its modes.</summary>
public enum Strategy
{
    /// <summary>Each reporter takes the oldest exam they may report.</summary>
    FifoPull,

    /// <summary>Each reporter takes the quickest exam they may report (the cherry-picking an open list invites).</summary>
    CherryPickPull,

    /// <summary>Clinical priority first (stat, asap, urgent, routine), then oldest: no due times, no ageing.</summary>
    StaticPriority,

    /// <summary>The engine's "Next case" for each reporter who is free.</summary>
    EnginePull,

    /// <summary>The engine's push assignment every few minutes; reporters work through what they were given.</summary>
    EnginePush,
}
