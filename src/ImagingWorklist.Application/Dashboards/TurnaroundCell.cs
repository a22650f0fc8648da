using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Application.Dashboards;

/// <summary>Additive turnaround counts for one pathway × trust × modality: the histogram has one count per bucket of <see
/// cref="TurnaroundQuery.Edges"/>.</summary>
internal sealed record TurnaroundCell(Pathway Pathway, Guid TrustId, Modality Modality, int Reported, int MaxMinutes, int WithinTarget,
    int OverFourWeeks, int[] Histogram);
