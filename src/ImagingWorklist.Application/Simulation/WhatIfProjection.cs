using ImagingWorklist.Simulation;
using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Simulation;

/// <summary>Means over the replications, for one rota.</summary>
public sealed record WhatIfProjection(
    double Breaches,
    double UrgentBreaches,
    double OnTimePercent,
    double BacklogAtEnd,
    IReadOnlyList<double> BacklogAtEndOfDay,
    IReadOnlyList<double> BreachesByDay)
{
    internal static WhatIfProjection Of(IReadOnlyList<SimulationResult> runs, int days) => new(
        runs.Average(r => r.Breaches),
        runs.Average(r => r.UrgentBreaches),
        100 * runs.Average(r => r.OnTimeShare),
        runs.Average(r => r.OpenAtEnd),
        [.. Enumerable.Range(1, days)
            .Select(d => runs.Average(r => d == days ? r.OpenAtEnd : r.BacklogByHour[Math.Min(d * 24, r.BacklogByHour.Count - 1)]))],
        [.. Enumerable.Range(0, days).Select(d => runs.Average(r => r.BreachesByDay[d]))]);
}
