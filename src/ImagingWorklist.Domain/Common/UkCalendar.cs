using System.Globalization;

namespace ImagingWorklist.Domain.Common;

/// <summary>
/// The one UK calendar: times are stored in UTC and read in UK local time (GMT, or BST from the last Sunday of March to
/// the last Sunday of October), which is what every user and every trust's RIS in an NHS network means by a time.
/// Ingest, rota, credentials and pages all use this zone, so a shift, a due time and an HL7 timestamp agree.
/// </summary>
public static class UkCalendar
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Europe/London; UTC only on a machine without time-zone data, where BST cannot be known.</summary>
    public static TimeZoneInfo Zone { get; } = Find();

    public static DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    public static string Format(DateTimeOffset utc) => ToLocal(utc).ToString("ddd d MMM HH:mm", EnGb);

    public static string FormatDate(DateTimeOffset utc) => ToLocal(utc).ToString("d MMM yyyy", EnGb);

    public static string FormatDate(DateOnly day) => day.ToString("d MMM yyyy", EnGb);

    public static string TimeOfDay(DateTimeOffset utc) => ToLocal(utc).ToString("HH:mm", EnGb);

    /// <summary>"HH:mm" as typed (UK local), on the day of <paramref name="now"/>, or the day before if that would be in the
    /// future.</summary>
    public static DateTimeOffset? TimeToday(string? text, DateTimeOffset now)
    {
        if (ParseTime(text) is not { } time)
        {
            return null;
        }

        var utc = At(DateOnly.FromDateTime(ToLocal(now).Date), time);
        return utc > now.AddMinutes(1) ? utc.AddDays(-1) : utc;
    }

    /// <summary>"HH:mm" (UK local) on a given day, as a UTC instant; null if the time cannot be read.</summary>
    public static DateTimeOffset? On(DateOnly day, string? text) => ParseTime(text) is { } time ? At(day, time) : null;

    /// <summary>The start of a UK day, as a UTC instant.</summary>
    public static DateTimeOffset Midnight(DateOnly day) => At(day, TimeOnly.MinValue);

    /// <summary>A UK wall-clock time on a UK day, as a UTC instant.</summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time) => FromLocal(day.ToDateTime(time));

    /// <summary>A UK wall-clock date and time, as a UTC instant.</summary>
    public static DateTimeOffset FromLocal(DateTime local) =>
        new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone.GetUtcOffset(local)).ToUniversalTime();

    /// <summary>The UK calendar day the instant falls in.</summary>
    public static DateOnly DayOf(DateTimeOffset utc) => DateOnly.FromDateTime(ToLocal(utc).DateTime);

    /// <summary>The first day of the UK calendar month the instant falls in.</summary>
    public static DateOnly MonthOf(DateTimeOffset utc)
    {
        var local = ToLocal(utc);
        return new DateOnly(local.Year, local.Month, 1);
    }

    /// <summary>The ways people in the UK write a time: 18:00, 8:30, 18.00, 1800.</summary>
    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm", "HH.mm", "H.mm", "HHmm"], EnGb, DateTimeStyles.None, out var time) ? time
            : null;

    /// <summary>
    /// The ways people in the UK write a date: 05/12/2026, 5/12/26, 5 Dec 2026, 5 December 2026, or 2026-12-05 as files
    /// do; never the American month first. Without a year ("5 Dec") it is the next such day from <paramref name="today"/>.
    /// </summary>
    public static DateOnly? ParseDate(string? text, DateOnly today)
    {
        var written = text?.Trim() ?? string.Empty;
        if (DateOnly.TryParseExact(written,
            ["dd/MM/yyyy", "d/M/yyyy", "d/M/yy", "yyyy-MM-dd", "d MMM yyyy", "d MMMM yyyy", "ddd d MMM yyyy", "dddd d MMMM yyyy"], EnGb,
            DateTimeStyles.AllowWhiteSpaces, out var date))
        {
            return date;
        }

        // No year: the next such day, today included (29 Feb waits for a leap year).
        for (var year = today.Year; year <= today.Year + 4; year++)
        {
            if (DateOnly.TryParseExact($"{written} {year}", ["d MMM yyyy", "d MMMM yyyy"], EnGb, DateTimeStyles.AllowWhiteSpaces,
                out var named) && named >= today)
            {
                return named;
            }

            if (DateOnly.TryParseExact($"{written}/{year}", "d/M/yyyy", EnGb, DateTimeStyles.None, out var numbered) && numbered >= today)
            {
                return numbered;
            }
        }

        return null;
    }

    /// <summary>A date as UK forms show it and <see cref="ParseDate"/> reads it back: 05/12/2026.</summary>
    public static string WriteDate(DateOnly day) => day.ToString("dd/MM/yyyy", EnGb);

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
