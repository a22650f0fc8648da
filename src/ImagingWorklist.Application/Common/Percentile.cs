namespace ImagingWorklist.Application.Common;

/// <summary>Percentiles of a few hundred measured values, read exactly.</summary>
public static class Percentile
{
    /// <summary>The nearest-rank percentile of sorted values (0.5 is the median); none when there are none.</summary>
    public static double? NearestRank(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
