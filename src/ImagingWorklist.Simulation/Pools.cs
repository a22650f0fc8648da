using ImagingWorklist.Domain.Engine;

namespace ImagingWorklist.Simulation;

/// <summary>A reporter during a run.</summary>
internal sealed class SimReporter(int index, EngineReporter reporter)
{
    public int Index { get; } = index;

    public EngineReporter Reporter { get; } = reporter;

    public SimExam? Current { get; set; }

    public DateTimeOffset IdleSince { get; set; }

    /// <summary>Work pushed to this reporter and not started yet (push mode only).</summary>
    public List<SimExam> Queue { get; } = [];

    public double MinutesRead { get; set; }

    public int Releases { get; set; }
}
