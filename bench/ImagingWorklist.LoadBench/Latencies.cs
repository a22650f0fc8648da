using System.Globalization;

namespace ImagingWorklist.LoadBench;

/// <summary>Latency samples in milliseconds, and the percentiles a report quotes (with n, so p99 can be trusted or not).</summary>
internal sealed class Latencies
{
    private readonly List<double> _samples = [];
    private readonly Lock _gate = new();

    public int Count => _samples.Count;

    public void Add(double milliseconds)
    {
        lock (_gate)
        {
            _samples.Add(milliseconds);
        }
    }

    public double Percentile(double p)
    {
        lock (_gate)
        {
            if (_samples.Count == 0)
            {
                return double.NaN;
            }

            var sorted = _samples.Order().ToArray();
            return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
        }
    }

    public double Max => Percentile(100);

    public string Summary()
        => string.Create(CultureInfo.InvariantCulture,
        $"n={Count}, p50={Percentile(50):0.00} ms, p99={Percentile(99):0.00} ms, max={Max:0.00} ms");
}
