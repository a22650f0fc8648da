namespace ImagingWorklist.Application.Rota;

/// <summary>One hour: the reading minutes expected to arrive (from history, same hour of the week) against those rostered.</summary>
public sealed record DemandHour(DateTimeOffset Hour, double DemandMinutes, double CapacityMinutes);
