using System.Globalization;

namespace ImagingWorklist.Simulation;

/// <summary>A mean over replications with the half-width of its 95 % confidence interval (Student's t).</summary>
public readonly record struct Estimate(double Mean, double HalfWidth, int N)
{
    public static Estimate Of(IReadOnlyCollection<double> values)
    {
        var n = values.Count;
        if (n == 0)
        {
            return new Estimate(double.NaN, double.NaN, 0);
        }

        var mean = values.Average();
        if (n == 1)
        {
            return new Estimate(mean, double.NaN, 1);
        }

        var variance = values.Sum(v => (v - mean) * (v - mean)) / (n - 1);
        return new Estimate(mean, StudentT975(n - 1) * Math.Sqrt(variance / n), n);
    }

    /// <summary>"mean ± half-width" in the number format; the mean alone from one value, "–" from none.</summary>
    public string ToString(string format) =>
        double.IsNaN(Mean) ? "–"
        : double.IsNaN(HalfWidth) ? Mean.ToString(format, CultureInfo.InvariantCulture)
        : $"{Mean.ToString(format, CultureInfo.InvariantCulture)} ± {HalfWidth.ToString(format, CultureInfo.InvariantCulture)}";

    public override string ToString() => double.IsNaN(HalfWidth) ? $"{Mean:0.##}" : $"{Mean:0.##} ± {HalfWidth:0.##}";

    /// <summary>The 97.5 % point of Student's t (two-sided 95 %), from the usual table; normal beyond 120 degrees.</summary>
    internal static double StudentT975(int degrees) => degrees switch
    {
        1 => 12.706,
        2 => 4.303,
        3 => 3.182,
        4 => 2.776,
        5 => 2.571,
        6 => 2.447,
        7 => 2.365,
        8 => 2.306,
        9 => 2.262,
        10 => 2.228,
        < 15 => 2.16,
        < 20 => 2.12,
        < 25 => 2.086,
        < 30 => 2.06,
        < 40 => 2.042,
        < 60 => 2.021,
        < 120 => 2.0,
        _ => 1.96,
    };
}
