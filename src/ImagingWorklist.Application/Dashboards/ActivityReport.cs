namespace ImagingWorklist.Application.Dashboards;

/// <param name="NetworkMinutesPerReport">Across every reporter in the scope, for comparison with one reporter's mix.</param>
/// <param name="UtilisationSpread">Coefficient of variation of utilisation among rostered reporters: 0 is perfectly even.</param>
public sealed record ActivityReport(
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<ActivityRow> Rows,
    int ReportersCompared,
    double NetworkMinutesPerReport,
    double MeanUtilisation,
    double UtilisationSpread,
    double NetworkReleaseRate);
