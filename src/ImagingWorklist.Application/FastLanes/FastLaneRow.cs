using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Application.FastLanes;

/// <summary>
/// One trust's exams in one fast lane over a period: how many had their first (verbal or preliminary) report and their
/// final one, how many of those were in time, and the medians. "Decided" counts those reported or already past the
/// target, so an exam still inside its ten minutes does not read as a miss.
/// </summary>
public sealed record FastLaneRow(
    string TrustName,
    FastLane Lane,
    int Exams,
    int FirstDecided,
    int FirstInTime,
    double? MedianMinutesToFirst,
    int FinalDecided,
    int FinalInTime,
    double? MedianMinutesToFinal,
    int Open)
{
    public double? FirstInTimeShare => FirstDecided == 0 ? null : (double)FirstInTime / FirstDecided;

    public double? FinalInTimeShare => FinalDecided == 0 ? null : (double)FinalInTime / FinalDecided;
}
