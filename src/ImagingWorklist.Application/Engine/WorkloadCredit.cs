namespace ImagingWorklist.Application.Engine;

/// <summary>
/// A reporter's workload credit over a window: the expected reading minutes of what they signed (weighted by case
/// complexity through the catalogue's minutes), and the reading capacity of their shifts in it up to its end.
/// </summary>
public sealed record WorkloadCredit(int Minutes, int CapacityMinutes)
{
    /// <summary>Credit over capacity, or null when they were not rostered in the window.</summary>
    public double? Share => CapacityMinutes > 0 ? (double)Minutes / CapacityMinutes : null;
}
