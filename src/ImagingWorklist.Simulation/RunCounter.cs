namespace ImagingWorklist.Simulation;

/// <summary>Reports the share of runs finished, from any thread.</summary>
public sealed class RunCounter(IProgress<double>? progress, int total)
{
    private int _done;

    public void Done() => progress?.Report((double)Interlocked.Increment(ref _done) / total);
}
