using ImagingWorklist.Domain.Rota;

namespace ImagingWorklist.Application.Rota;

public sealed record ShiftRow(Guid ShiftId, Guid ReporterId, string Reporter, ShiftKind Kind, DateTimeOffset Start, DateTimeOffset End,
    CoverScope Scope, IReadOnlyList<Guid> CoveredIds, string Covers, int CapacityMinutes)
{
    /// <summary>Rostered reading minutes as a share of the shift's length.</summary>
    public double Share => CapacityMinutes / (End - Start).TotalMinutes;
}
