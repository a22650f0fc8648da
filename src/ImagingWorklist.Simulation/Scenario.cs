using ImagingWorklist.Domain.Catalogue;
using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Turnaround;

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

/// <summary>
/// One stream of arrivals: exams of one procedure, at one site, on one pathway and priority, with an expected count for
/// each hour of the week (168 values, Monday 00:00 UTC first). Counts are Poisson around these means.
/// </summary>
public sealed record ArrivalKind(
    Guid TrustId,
    Guid SiteId,
    Procedure Procedure,
    Pathway Pathway,
    PatientClass PatientClass,
    ClinicalPriority Priority,
    IReadOnlyList<double> PerHourOfWeek)
{
    public const int HoursPerWeek = 168;

    public static int HourOfWeek(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return ((((int)utc.DayOfWeek + 6) % 7) * 24) + utc.Hour;
    }
}

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

/// <summary>
/// Everything a run needs: the period, reporters with their credentials, rota and leave (as the engine sees them), the
/// open backlog at the start, the arrival profile and the turnaround table.
/// </summary>
public sealed record SimulationScenario(
    string Name,
    DateTimeOffset Start,
    TimeSpan Length,
    IReadOnlyList<EngineReporter> Reporters,
    IReadOnlyList<EngineExam> Backlog,
    IReadOnlyList<ArrivalKind> Arrivals,
    TurnaroundPolicy Turnaround)
{
    public DateTimeOffset End => Start + Length;

    public SimulationBehaviour Behaviour { get; init; } = new();

    public EnginePolicy Policy { get; init; } = EnginePolicy.Default;

    public SimulationScenario WithReporters(IReadOnlyList<EngineReporter> reporters) => this with { Reporters = reporters };
}
