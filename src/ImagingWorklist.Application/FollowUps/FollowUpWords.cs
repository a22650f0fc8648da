using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Reporting;

namespace ImagingWorklist.Application.FollowUps;

/// <summary>A recommendation's state in one sentence, the same on the exam, the tracking list and the CSV.</summary>
public static class FollowUpWords
{
    public static string Status(FollowUpRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Status switch
        {
            FollowUpStatus.Done => $"Done: {row.DoneBy ?? "an order arrived"}{On(row.ClosedAt)}.",
            FollowUpStatus.Closed => $"Closed by {row.ClosedBy}{On(row.ClosedAt)}: {Labels.InSentence(Labels.Of(row.Closure!.Value))}" +
                $"{(row.ClosedNote is { } note ? $" ({note})" : string.Empty)}.",
            _ when row.Overdue => $"Overdue since {UkCalendar.WriteDate(row.DueBy)}: no matching order has arrived.",
            _ when row.DueSoon => $"Due soon ({UkCalendar.WriteDate(row.DueBy)}): no matching order yet.",
            _ => $"Open: recommended by {row.RecommendedBy} on {UkCalendar.FormatDate(row.RecommendedAt)}.",
        };
    }

    private static string On(DateTimeOffset? at) => at is { } a ? $" on {UkCalendar.FormatDate(a)}" : string.Empty;
}
