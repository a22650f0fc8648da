using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Application.Dashboards;

/// <summary>
/// Turnaround (examination to verified report) for exams reported in a period, by pathway × trust × modality. The
/// percentiles are read from a histogram the database counts (bucket edges from 15 minutes to 6 weeks), interpolated
/// within their bucket, so they are approximate to the bucket's width; the maximum and the shares are exact.
/// </summary>
public sealed record TurnaroundRow(Pathway Pathway, Guid TrustId, string TrustName, Modality Modality, int Reported, double P50Minutes,
    double P90Minutes, int MaxMinutes, int WithinTarget, int OverFourWeeks)
{
    public double WithinTargetShare => Reported == 0 ? 0 : (double)WithinTarget / Reported;

    public double OverFourWeeksShare => Reported == 0 ? 0 : (double)OverFourWeeks / Reported;
}
