using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Turnaround;

namespace ImagingWorklist.Simulation;

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

    /// <summary>How fast each reporter reads against the catalogue's minutes (absent: 1); the engine does not know it.</summary>
    public IReadOnlyDictionary<Guid, double> Speeds { get; init; } = new Dictionary<Guid, double>();

    public double SpeedOf(Guid reporter) => Speeds.TryGetValue(reporter, out var speed) ? speed : 1.0;

    public SimulationScenario WithReporters(IReadOnlyList<EngineReporter> reporters) => this with { Reporters = reporters };
}
