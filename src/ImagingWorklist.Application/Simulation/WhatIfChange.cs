using ImagingWorklist.Simulation;

namespace ImagingWorklist.Application.Simulation;

/// <summary>
/// The proposal's effect on one measure: the mean of the paired differences (the same simulated work under both rotas)
/// with a 95 % interval (Student's t over the replications). When the interval holds zero the difference is within the
/// simulation's noise.
/// </summary>
public sealed record WhatIfChange(double Mean, double Low, double High)
{
    public bool WithinNoise => Low <= 0 && High >= 0;

    internal static WhatIfChange Paired(IReadOnlyList<SimulationResult> current, IReadOnlyList<SimulationResult> proposed,
        Func<SimulationResult, double> measure)
    {
        var difference = Estimate.Of([.. current.Zip(proposed, (c, p) => measure(p) - measure(c))]);
        var half = double.IsNaN(difference.HalfWidth) ? 0 : difference.HalfWidth;
        return new WhatIfChange(difference.Mean, difference.Mean - half, difference.Mean + half);
    }
}
