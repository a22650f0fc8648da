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
