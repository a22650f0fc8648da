using ImagingWorklist.Domain.Rota;

namespace ImagingWorklist.Application.Rota;

/// <summary>A shift as entered (new when <see cref="Id"/> is null).</summary>
public sealed record ShiftDraft(Guid? Id, Guid ReporterId, ShiftKind Kind, DateTimeOffset Start, DateTimeOffset End, CoverScope Scope,
    IReadOnlyList<Guid> CoveredIds, int CapacityMinutes)
{
    public ShiftPlan Plan => new(Id, ReporterId, Kind, Start, End, Scope, CoveredIds, CapacityMinutes);
}
