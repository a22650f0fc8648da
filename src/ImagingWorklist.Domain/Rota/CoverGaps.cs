using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Reporters;

namespace ImagingWorklist.Domain.Rota;

/// <summary>
/// For each hour (taken at its start) × skill × trust: is at least one reporter on duty there who holds the skill and a
/// valid credential for the trust and is not on leave? Consecutive uncovered hours are merged into one gap.
/// </summary>
public static class CoverGaps
{
    public static IReadOnlyList<CoverGap> Find(IReadOnlyList<EngineReporter> reporters, IReadOnlyList<CoverTrust> trusts,
        IReadOnlyList<Skill> skills, DateTimeOffset from, int hours)
    {
        ArgumentNullException.ThrowIfNull(reporters);
        ArgumentNullException.ThrowIfNull(trusts);
        ArgumentNullException.ThrowIfNull(skills);
        var gaps = new List<CoverGap>();
        foreach (var trust in trusts)
        {
            foreach (var skill in skills)
            {
                var holders = reporters.Where(r => r.LevelIn(skill) is not null).ToList();
                DateTimeOffset? openSince = null;
                for (var h = 0; h <= hours; h++)
                {
                    var at = from.AddHours(h);
                    var covered = h < hours && holders.Any(r => Covers(r, trust, at));
                    if (!covered && h < hours)
                    {
                        openSince ??= at;
                    }
                    else if (openSince is { } start)
                    {
                        gaps.Add(new CoverGap(skill, trust.Id, start, at));
                        openSince = null;
                    }
                }
            }
        }

        return gaps;
    }

    public static bool Covers(EngineReporter reporter, CoverTrust trust, DateTimeOffset at) =>
        !reporter.IsAbsentAt(at)
        && reporter.Credentials.Any(c => c.TrustId == trust.Id && c.IsValidAt(at))
        && reporter.Shifts.Any(s => s.IsOnDutyAt(at)
            && (s.Scope == CoverScope.Network
            || (s.Scope == CoverScope.Trusts ? s.CoveredIds.Contains(trust.Id) : s.CoveredIds.Any(trust.SiteIds.Contains))));
}
