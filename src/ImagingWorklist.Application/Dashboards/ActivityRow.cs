using ImagingWorklist.Domain.Reporters;

namespace ImagingWorklist.Application.Dashboards;

/// <summary>
/// One reporter's work in a period. Throughput is in expected reading minutes (the catalogue's, so a plain film and a CT
/// are not counted alike), credited to whoever first signed the report (the registrar, for verified work); out of hours
/// is work signed during an on-call, hot-reporting or teleradiology shift of theirs; releases and skips are the
/// cherry-picking signal; utilisation is the minutes signed during their shifts over the reading capacity of those shifts
/// (work signed off the rota is not set against capacity it did not come from).
/// </summary>
public sealed record ActivityRow(
    Guid ReporterId,
    string Name,
    ProfessionalRole Role,
    int Reports,
    int Minutes,
    int OutOfHoursMinutes,
    int OnDutyMinutes,
    int Verified,
    int Releases,
    int Skips,
    double CapacityMinutes,
    IReadOnlyDictionary<Skill, int> MinutesBySkill)
{
    /// <summary>Cases they claimed in the period (decision 0025).</summary>
    public int Claims { get; init; }

    /// <summary>Of those, how many were the first case the engine offered them.</summary>
    public int TookFirst { get; init; }

    /// <summary>Expected reading minutes of the cases they claimed.</summary>
    public int TakenMinutes { get; init; }

    /// <summary>Expected reading minutes of the first case the engine offered at each of those claims.</summary>
    public int OfferedMinutes { get; init; }

    /// <summary>The share of claims that took the engine's first offer.</summary>
    public double? FirstShare => Claims == 0 ? null : (double)TookFirst / Claims;

    /// <summary>Minutes taken over minutes offered first: well below 1 means quicker cases were picked than offered.</summary>
    public double? TakenToOffered => OfferedMinutes == 0 ? null : (double)TakenMinutes / OfferedMinutes;

    public double? Utilisation => CapacityMinutes > 0 ? OnDutyMinutes / CapacityMinutes : null;

    public double MinutesPerReport => Reports == 0 ? 0 : (double)Minutes / Reports;

    /// <summary>Releases per case taken (reported or released).</summary>
    public double ReleaseRate => Reports + Releases == 0 ? 0 : (double)Releases / (Reports + Releases);
}
