using ImagingWorklist.Domain.Engine;

namespace ImagingWorklist.Simulation;

public static class Duty
{
    /// <summary>
    /// The share of a session spent reading (its capacity over its length): a 5-hour session with 240 reading minutes
    /// reads at 0.8; an on-call night with 240 minutes over 14 hours at about 0.3. Null when off duty or on leave.
    /// </summary>
    public static double? ReadingShare(EngineReporter reporter, DateTimeOffset now)
    {
        if (reporter.IsAbsentAt(now))
        {
            return null;
        }

        double? best = null;
        foreach (var shift in reporter.Shifts)
        {
            if (shift.IsOnDutyAt(now))
            {
                var share = Math.Clamp(shift.CapacityMinutes / (shift.End - shift.Start).TotalMinutes, 0.05, 1.0);
                best = Math.Max(best ?? 0, share);
            }
        }

        return best;
    }
}
