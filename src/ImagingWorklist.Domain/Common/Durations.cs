namespace ImagingWorklist.Domain.Common;

/// <summary>How every screen and sentence writes a length of time: two units at most, so a glance is enough.</summary>
public static class Durations
{
    /// <summary>"3 d 2 h", "1 h 5 min", "12 min"; under a minute counts as one, so nothing due reads as "0 min".</summary>
    public static string Describe(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } => span.Hours == 0 ? $"{span.Days} d" : $"{span.Days} d {span.Hours} h",
        { TotalHours: >= 1 } => span.Minutes == 0 ? $"{span.Hours} h" : $"{span.Hours} h {span.Minutes} min",
        _ when span <= TimeSpan.Zero => "0 min",
        _ => $"{Math.Max(1, (int)Math.Ceiling(span.TotalMinutes))} min",
    };
}
