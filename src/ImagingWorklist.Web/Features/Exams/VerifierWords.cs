using ImagingWorklist.Application.Reporting;
using ImagingWorklist.Domain.Common;

namespace ImagingWorklist.Web.Features.Exams;

/// <summary>What a registrar (and a manager) is told about who can verify a report, in plain words.</summary>
internal static class VerifierWords
{
    public static string Of(VerifierOutlook outlook) => outlook switch
    {
        { OnDutyNow.Count: > 0 } => $"{Names(outlook.OnDutyNow)} can verify it and {(outlook.OnDutyNow.Count == 1 ? "is" : "are")} on " +
            $"duty now.",
        { NextOnDutyAt: { } at } => $"Nobody who can verify it is on duty until {UkCalendar.Format(at)} ({outlook.NextOnDuty}); it will " +
            $"wait in their list until then.",
        _ => "Nobody who can verify it is on the rota in the next 7 days; it will wait, and the managers' dashboard shows it.",
    };

    private static string Names(IReadOnlyList<string> names) => names.Count switch
    {
        1 => names[0],
        <= 3 => $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}",
        _ => $"{string.Join(", ", names.Take(2))} and {names.Count - 2} other consultants",
    };
}
