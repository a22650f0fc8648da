using ImagingWorklist.Domain.Common;
using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Application.Reporting;

/// <summary>
/// What a reporter told the referring team by voice, in a few keystrokes: who was told, when, and what. It is issued as
/// the preliminary report at once; the final one follows.
/// </summary>
public sealed record VerbalReport(string ToldWhom, DateTimeOffset ToldAt, string Summary)
{
    public const int SummaryMaxLength = 2000;

    /// <summary>A report told this long before it is recorded is probably a typing slip in the time.</summary>
    public static readonly TimeSpan LongestDelay = TimeSpan.FromHours(12);

    /// <summary>Why this cannot be recorded now, or null.</summary>
    public string? Problem(Exam exam, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(exam);
        if (string.IsNullOrWhiteSpace(ToldWhom))
        {
            return "Say who was told (name and role, such as \"Dr A Khan, stroke registrar\").";
        }

        if (string.IsNullOrWhiteSpace(Summary))
        {
            return "Write what was said: it is sent as the preliminary report.";
        }

        if (ToldWhom.Trim().Length > Exam.PersonMaxLength)
        {
            return $"Who was told may be at most {Exam.PersonMaxLength} characters; it has {ToldWhom.Trim().Length}.";
        }

        if (Summary.Trim().Length > SummaryMaxLength)
        {
            return $"What was said may be at most {SummaryMaxLength} characters; it has {Summary.Trim().Length}.";
        }

        if (StoredText.UnstorableAt(ToldWhom) is { } whomAt)
        {
            return StoredText.Refusal("Who was told", ToldWhom, whomAt);
        }

        if (StoredText.UnstorableAt(Summary) is { } summaryAt)
        {
            return StoredText.Refusal("What was said", Summary, summaryAt);
        }

        if (ToldAt > now.AddMinutes(1))
        {
            return $"The time told ({UkCalendar.TimeOfDay(ToldAt)}) is in the future; it is {UkCalendar.TimeOfDay(now)} now.";
        }

        var earliest = exam.ReadyAt is { } ready && ready > now - LongestDelay ? ready : now - LongestDelay;
        return ToldAt < earliest.AddMinutes(-1)
            ? $"The time told ({UkCalendar.Format(ToldAt)}) is before the images were ready to report " +
                $"({UkCalendar.Format(earliest)}); check the time."
            : null;
    }

    /// <summary>The line that heads the preliminary report: "Verbal report given at 14:32 to Dr A Khan, stroke registrar."</summary>
    public string Heading => $"Verbal report given at {UkCalendar.TimeOfDay(ToldAt)} to {ToldWhom.Trim()}.";
}
