using System.Globalization;

namespace ImagingWorklist.Web.Components.Shared;

/// <summary>Times are stored in UTC and shown in UK local time, which is what every user of an NHS network reads.</summary>
internal static class UkTime
{
    private static readonly TimeZoneInfo London = Find();

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, London);

    public static string Format(DateTimeOffset utc) => ToLocal(utc).ToString("ddd d MMM HH:mm", EnGb);

    public static string FormatDate(DateTimeOffset utc) => ToLocal(utc).ToString("d MMM yyyy", EnGb);

    /// <summary>"HH:mm" as typed (UK local), on the day of <paramref name="now"/>, or the day before if that would be in the future.</summary>
    public static DateTimeOffset? TimeToday(string? text, DateTimeOffset now)
    {
        if (!TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], EnGb, DateTimeStyles.None, out var time))
        {
            return null;
        }

        var local = ToLocal(now);
        var at = local.Date + time.ToTimeSpan();
        var utc = new DateTimeOffset(at, London.GetUtcOffset(at));
        return utc > now.AddMinutes(1) ? utc.AddDays(-1) : utc;
    }

    /// <summary>"HH:mm" (UK local) on a given day, as a UTC instant; null if the time cannot be read.</summary>
    public static DateTimeOffset? On(DateOnly day, string? text)
    {
        if (!TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], EnGb, DateTimeStyles.None, out var time))
        {
            return null;
        }

        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, London.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The start of a UK day, as a UTC instant.</summary>
    public static DateTimeOffset Midnight(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, London.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The first day of the UK calendar month the instant falls in.</summary>
    public static DateOnly MonthOf(DateTimeOffset utc)
    {
        var local = ToLocal(utc);
        return new DateOnly(local.Year, local.Month, 1);
    }

    public static string TimeOfDay(DateTimeOffset utc) => ToLocal(utc).ToString("HH:mm", EnGb);

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
