namespace ImagingWorklist.Web.Components.Shared;

public enum DueUrgency
{
    Comfortable,
    Soon,
    Overdue,
}

/// <summary>"due in 3 h 12 min" or "overdue by 2 d 4 h": two units at most, so a glance is enough.</summary>
public static class DueText
{
    public static readonly TimeSpan SoonThreshold = TimeSpan.FromHours(1);

    public static (string Text, DueUrgency Urgency) Describe(DateTimeOffset dueAt, DateTimeOffset now)
    {
        var remaining = dueAt - now;
        if (remaining < TimeSpan.Zero)
        {
            return ($"overdue by {Span(-remaining)}", DueUrgency.Overdue);
        }

        return ($"due in {Span(remaining)}", remaining <= SoonThreshold ? DueUrgency.Soon : DueUrgency.Comfortable);
    }

    internal static string Span(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } => span.Hours == 0 ? $"{span.Days} d" : $"{span.Days} d {span.Hours} h",
        { TotalHours: >= 1 } => span.Minutes == 0 ? $"{span.Hours} h" : $"{span.Hours} h {span.Minutes} min",
        _ => $"{Math.Max(1, (int)Math.Ceiling(span.TotalMinutes))} min",
    };
}
