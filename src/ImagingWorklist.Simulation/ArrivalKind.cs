using ImagingWorklist.Domain.Catalogue;
using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Simulation;

/// <summary>
/// One stream of arrivals: exams of one procedure, at one site, on one pathway and priority, with an expected count for
/// each hour of the week (168 values, Monday 00:00 UTC first). Counts are Poisson around these means.
/// </summary>
public sealed record ArrivalKind(
    Guid TrustId,
    Guid SiteId,
    Procedure Procedure,
    Pathway Pathway,
    PatientClass PatientClass,
    ClinicalPriority Priority,
    IReadOnlyList<double> PerHourOfWeek)
{
    public const int HoursPerWeek = 168;

    public static int HourOfWeek(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return ((((int)utc.DayOfWeek + 6) % 7) * 24) + utc.Hour;
    }
}
