using ImagingWorklist.Domain.Common;

namespace ImagingWorklist.Domain.Exams;

/// <summary>
/// A fast-lane exam's clock: it starts when the exam is both in the lane and ready to report (a flag raised after the
/// images were ready starts it at the flag, because the wait before it was not the reporters'), and it stops twice: at
/// the first verbal or preliminary report, and at the final one. A final report with no preliminary counts for both.
/// </summary>
public sealed record FastLaneClock(
    FastLane Lane,
    DateTimeOffset Start,
    FastLaneTargets Targets,
    DateTimeOffset? PreliminaryAt,
    DateTimeOffset? FinalAt)
{
    public DateTimeOffset PreliminaryDue => Start + Targets.PreliminaryWithin;

    public DateTimeOffset FinalDue => Start + Targets.FinalWithin;

    /// <summary>The first report of any kind: the preliminary, or the final when there was none.</summary>
    public DateTimeOffset? FirstReportAt => PreliminaryAt ?? FinalAt;

    public TimeSpan? ToPreliminary => FirstReportAt is { } at ? Positive(at - Start) : null;

    public TimeSpan? ToFinal => FinalAt is { } at ? Positive(at - Start) : null;

    public bool? PreliminaryInTime => ToPreliminary is { } taken ? taken <= Targets.PreliminaryWithin : null;

    public bool? FinalInTime => ToFinal is { } taken ? taken <= Targets.FinalWithin : null;

    /// <summary>The clock of an exam in a lane, or null when it is in none or its images are not ready yet.</summary>
    public static FastLaneClock? Of(Exam exam, Func<FastLane, FastLaneTargets> targets)
    {
        ArgumentNullException.ThrowIfNull(exam);
        ArgumentNullException.ThrowIfNull(targets);
        if (exam.FastLane is not { } lane || exam.FastLaneSince is not { } since || exam.ReadyAt is not { } ready)
        {
            return null;
        }

        return Starting(lane, since, ready, targets(lane), exam.FirstPreliminaryAt, exam.ReportedAt);
    }

    /// <summary>The clock of an exam that entered the lane at <paramref name="since"/> and was ready at <paramref name="ready"/>.</summary>
    public static FastLaneClock Starting(FastLane lane, DateTimeOffset since, DateTimeOffset ready, FastLaneTargets targets,
        DateTimeOffset? preliminaryAt = null, DateTimeOffset? finalAt = null) =>
        new(lane, ready > since ? ready : since, targets, preliminaryAt, finalAt);

    /// <summary>One line for the exam page and the banner: "verbal or preliminary report due in 6 min (10 min target)".</summary>
    public string Describe(DateTimeOffset now)
    {
        if (FinalAt is { } final)
        {
            return $"final report {After(final - Start)} ({Target(Targets.FinalWithin)})";
        }

        if (PreliminaryAt is { } first)
        {
            var late = now > FinalDue;
            return $"first report {After(first - Start)}; final " +
                (late ? $"{Durations.Describe(now - FinalDue)} overdue" : $"due in {Durations.Describe(FinalDue - now)}") +
                $" ({Target(Targets.FinalWithin)})";
        }

        return now > PreliminaryDue
            ? $"verbal or preliminary report {Durations.Describe(now - PreliminaryDue)} overdue ({Target(Targets.PreliminaryWithin)})"
            : $"verbal or preliminary report due in {Durations.Describe(PreliminaryDue - now)} ({Target(Targets.PreliminaryWithin)})";
    }

    private static string After(TimeSpan taken) =>
        taken < TimeSpan.FromMinutes(1) ? "within a minute" : $"after {Durations.Describe(taken)}";

    private static string Target(TimeSpan within) => $"target {Durations.Describe(within)}";

    private static TimeSpan Positive(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;
}
