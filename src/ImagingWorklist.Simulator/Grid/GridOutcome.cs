using ImagingWorklist.Simulation;

namespace ImagingWorklist.Simulator.Grid;

/// <summary>
/// A strategy's figures in one cell over its networks, against FIFO on the same work: means with 95 % intervals, and
/// whether issue 22's targets hold (on the means).
/// </summary>
internal sealed record GridOutcome(
    GridCell Cell,
    Strategy Strategy,
    Estimate Breaches,
    Estimate UrgentBreaches,
    Estimate Bound,
    Estimate GapClosed,
    double UrgentRatio,
    double RoutineWaitRatio,
    int Over28Days)
{
    public const double UrgentRatioTarget = 0.5;
    public const double GapClosedTarget = 0.75;
    public const double RoutineWaitTarget = 1.1;

    /// <summary>Met on the ratio of means; where FIFO had no urgent breaches, met when the strategy had none either.</summary>
    public bool MeetsUrgent => UrgentRatio <= UrgentRatioTarget || (double.IsNaN(UrgentRatio) && UrgentBreaches.Mean == 0);

    /// <summary>Met too where FIFO is already at the bound in every network (there is no gap to close).</summary>
    public bool MeetsGap => double.IsNaN(GapClosed.Mean) || GapClosed.Mean >= GapClosedTarget;

    public bool MeetsRoutine => double.IsNaN(RoutineWaitRatio) || RoutineWaitRatio <= RoutineWaitTarget;

    public bool MeetsTargets => MeetsUrgent && MeetsGap && MeetsRoutine && Over28Days == 0;

    public static IReadOnlyList<GridOutcome> Of(IReadOnlyList<GridRun> runs) =>
        [.. runs.GroupBy(r => r.Cell).SelectMany(cell => GridRun.Strategies.Select(s => Of(cell.Key, [.. cell], s)))];

    private static GridOutcome Of(GridCell cell, IReadOnlyList<GridRun> runs, Strategy strategy)
    {
        var mine = runs.Select(r => r.Results[strategy]).ToList();
        var fifo = runs.Select(r => r.Results[Strategy.FifoPull]).ToList();
        return new GridOutcome(
            cell,
            strategy,
            Estimate.Of([.. mine.Select(r => (double)r.Breaches)]),
            Estimate.Of([.. mine.Select(r => (double)r.UrgentBreaches)]),
            Estimate.Of([.. runs.Select(r => r.Bound)]),
            Gap.Closed(runs.Select(r => (r.Results[Strategy.FifoPull].Breaches, r.Results[strategy].Breaches, r.Bound))),
            Ratio(mine.Average(r => r.UrgentBreaches), fifo.Average(r => r.UrgentBreaches)),
            Ratio(mine.Average(r => r.RoutineMaxWaitHours), fifo.Average(r => r.RoutineMaxWaitHours)),
            mine.Max(r => r.Over28Days));
    }

    private static double Ratio(double value, double fifo) => fifo == 0 ? double.NaN : value / fifo;
}
