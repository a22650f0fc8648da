using ImagingWorklist.Domain.Common;

namespace ImagingWorklist.Domain.Reporting;

/// <summary>When a follow-up is due, as a reporter writes it: an interval ("6 weeks", "3 months", "1 year") or a UK date.</summary>
public static class FollowUpDue
{
    public static DateOnly? Parse(string? text, DateOnly today)
    {
        var words = (text ?? string.Empty).Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words is [var count, var unit]
            && int.TryParse(count, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            && n is > 0 and <= 120)
        {
            return unit.TrimEnd('s') switch
            {
                "day" => today.AddDays(n),
                "week" => today.AddDays(7 * n),
                "month" => today.AddMonths(n),
                "year" when n <= 10 => today.AddYears(n),
                _ => null,
            };
        }

        return UkCalendar.ParseDate(text, today);
    }
}
