namespace ImagingWorklist.Application.Simulation;

public sealed record ForecastDay(DateTimeOffset Start, double OpenAtEnd, double Breaches);
