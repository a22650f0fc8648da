using ImagingWorklist.Domain.Common;

namespace ImagingWorklist.Web.Components.Shared;

/// <summary>"due in 3 h 12 min" or "overdue by 2 d 4 h": two units at most, so a glance is enough.</summary>
public static class DueText
{
    public static readonly TimeSpan SoonThreshold = TimeSpan.FromHours(1);

    public static (string Text, DueUrgency Urgency) Describe(DateTimeOffset dueAt, DateTimeOffset now)
    {
        var remaining = dueAt - now;
        if (remaining < TimeSpan.Zero)
        {
            return ($"overdue by {Durations.Describe(-remaining)}", DueUrgency.Overdue);
        }

        return ($"due in {Durations.Describe(remaining)}", remaining <= SoonThreshold ? DueUrgency.Soon : DueUrgency.Comfortable);
    }
}
