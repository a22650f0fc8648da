using System.Globalization;
using ImagingWorklist.Domain.Common;

namespace ImagingWorklist.Web.Features.Ai;

/// <summary>How the AI page writes its figures: percentages with their counts, minutes as people say them, a dash for none.</summary>
internal static class AiWords
{
    public static string Percent(double? rate) =>
        rate is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r * 100:0} %") : "–";

    public static string Rate(double? rate, int numerator, int denominator) =>
        rate is null ? "–" : $"{Percent(rate)} ({numerator}/{denominator})";

    public static string Month(DateOnly month) => month.ToString("MMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    public static string Minutes(double? minutes) =>
        minutes is { } m ? (m < 0 ? "−" : string.Empty) + Durations.Describe(TimeSpan.FromMinutes(Math.Abs(Math.Round(m)))) : "–";
}
