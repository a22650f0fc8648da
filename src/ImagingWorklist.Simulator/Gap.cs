using ImagingWorklist.Simulation;

namespace ImagingWorklist.Simulator;

/// <summary>The share of the FIFO → lower-bound gap on breaches that a strategy closes, paired per run on the same work.</summary>
internal static class Gap
{
    /// <summary>
    /// (FIFO − strategy) / (FIFO − bound) for each run where FIFO is more than half a breach above the bound (elsewhere
    /// there is no gap to close), as a mean with its interval.
    /// </summary>
    public static Estimate Closed(IEnumerable<(int Fifo, int Strategy, double Bound)> runs) =>
        Estimate.Of([.. runs.Where(r => r.Fifo - r.Bound > 0.5).Select(r => (r.Fifo - r.Strategy) / (r.Fifo - r.Bound))]);
}
