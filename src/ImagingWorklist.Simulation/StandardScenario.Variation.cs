using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Rota;

namespace ImagingWorklist.Simulation;

/// <summary>The ways a network's week departs from the standard one: absence, out-of-hours share, reporters' speed.</summary>
public static partial class StandardScenario
{
    /// <summary>Out of hours: weekends, and weekdays before 08:00 or from 18:00 (UTC, as the scenario's clock).</summary>
    public static bool IsOutOfHours(int hourOfWeek) => hourOfWeek / 24 >= 5 || hourOfWeek % 24 is < 8 or >= 18;

    /// <summary>The expected share of arrivals that come out of hours.</summary>
    public static double OutOfHoursShareOf(IReadOnlyList<ArrivalKind> arrivals)
    {
        var (inHours, outOfHours) = Split(arrivals);
        return outOfHours / (inHours + outOfHours);
    }

    /// <summary>
    /// The arrivals with out-of-hours rates scaled so that <paramref name="share"/> of the work comes out of hours, and all
    /// rates then scaled so the week's total is unchanged.
    /// </summary>
    internal static List<ArrivalKind> WithOutOfHoursShare(IReadOnlyList<ArrivalKind> arrivals, double share)
    {
        if (share is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, "The out-of-hours share must be from 0 up to (not including) 1.");
        }

        var (inHours, outOfHours) = Split(arrivals);
        var boost = share * inHours / ((1 - share) * outOfHours);
        var keep = (inHours + outOfHours) / (inHours + (boost * outOfHours));
        return [.. arrivals.Select(kind => kind with
        {
            PerHourOfWeek = [.. kind.PerHourOfWeek.Select((rate, hour) => rate * keep * (IsOutOfHours(hour) ? boost : 1))],
        })];
    }

    private static (double InHours, double OutOfHours) Split(IReadOnlyList<ArrivalKind> arrivals)
    {
        double inHours = 0, outOfHours = 0;
        foreach (var kind in arrivals)
        {
            for (var hour = 0; hour < kind.PerHourOfWeek.Count; hour++)
            {
                if (IsOutOfHours(hour))
                {
                    outOfHours += kind.PerHourOfWeek[hour];
                }
                else
                {
                    inHours += kind.PerHourOfWeek[hour];
                }
            }
        }

        return (inHours, outOfHours);
    }

    /// <summary>
    /// Each reporter is away on a weekday they have sessions with chance <paramref name="absence"/>, from the day's first
    /// session to its last, as leave the engine knows of.
    /// </summary>
    private static List<EngineReporter> WithAbsence(List<EngineReporter> reporters, double absence, DateTimeOffset start, int days,
        Random random)
    {
        if (absence <= 0)
        {
            return reporters;
        }

        return [.. reporters.Select(reporter =>
        {
            var away = new List<(DateTimeOffset Start, DateTimeOffset End)>();
            for (var d = 0; d <= days; d++)
            {
                var date = start.AddDays(d);
                var sessions = reporter.Shifts
                    .Where(s => s.Kind == ShiftKind.InHoursSession && s.Start >= date && s.Start < date.AddDays(1))
                    .ToList();
                if (sessions.Count > 0 && random.NextDouble() < absence)
                {
                    away.Add((sessions.Min(s => s.Start), sessions.Max(s => s.End)));
                }
            }

            return away.Count == 0 ? reporter : reporter with { Absences = [.. reporter.Absences, .. away] };
        })];
    }

    /// <summary>Log-normal speeds around 1 (σ of the log <paramref name="spread"/>, the mean kept); none when the spread is 0.</summary>
    private static Dictionary<Guid, double> Speeds(List<EngineReporter> reporters, double spread, Random random)
    {
        if (spread <= 0)
        {
            return [];
        }

        return reporters.ToDictionary(r => r.Id, _ =>
        {
            // Box–Muller: one standard normal from two uniforms.
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            return Math.Exp((spread * normal) - (spread * spread / 2));
        });
    }
}
