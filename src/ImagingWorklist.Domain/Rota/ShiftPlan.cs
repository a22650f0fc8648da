namespace ImagingWorklist.Domain.Rota;

/// <summary>A shift as a coordinator proposes it (new, or a change to <see cref="Id"/>).</summary>
public sealed record ShiftPlan(Guid? Id, Guid ReporterId, ShiftKind Kind, DateTimeOffset Start, DateTimeOffset End, CoverScope Scope,
    IReadOnlyList<Guid> CoveredIds, int CapacityMinutes)
{
    public int DurationMinutes => (int)Math.Round((End - Start).TotalMinutes);

    public bool IsOutOfHours => Kind is ShiftKind.OnCallFirst or ShiftKind.OnCallSecond or ShiftKind.OutOfHoursHotReporting;
}
