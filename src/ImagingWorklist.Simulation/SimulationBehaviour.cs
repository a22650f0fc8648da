namespace ImagingWorklist.Simulation;

/// <summary>How people behave, apart from which exam they choose.</summary>
public sealed record SimulationBehaviour
{
    /// <summary>Spread (σ of the log) of actual reading time around the expected minutes; the mean is kept.</summary>
    public double ReadingTimeSpread { get; init; } = 0.5;

    /// <summary>Chance that a claimed exam is released part-read (needs priors, outside comfort) and goes back.</summary>
    public double ReleaseProbability { get; init; } = 0.03;

    /// <summary>How often push assignment runs (it also runs at once for emergencies and when someone runs dry).</summary>
    public TimeSpan PushInterval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>A released exam is not offered back to the same reporter for this long (the engine's skip cool-down).</summary>
    public TimeSpan ReleaseCooldown { get; init; } = TimeSpan.FromMinutes(30);
}
