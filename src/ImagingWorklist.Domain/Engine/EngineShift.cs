using ImagingWorklist.Domain.Rota;

namespace ImagingWorklist.Domain.Engine;

public sealed record EngineShift(DateTimeOffset Start, DateTimeOffset End, ShiftKind Kind, CoverScope Scope,
    IReadOnlyList<Guid> CoveredIds, int CapacityMinutes)
{
    public bool IsOnDutyAt(DateTimeOffset now) => now >= Start && now < End;

    public bool Covers(Guid trustId, Guid siteId) => Scope switch
    {
        CoverScope.Network => true,
        CoverScope.Trusts => CoveredIds.Contains(trustId),
        _ => CoveredIds.Contains(siteId),
    };
}
