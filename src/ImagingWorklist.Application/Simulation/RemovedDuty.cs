namespace ImagingWorklist.Application.Simulation;

/// <summary>A reporter's duty the coordinator would take away: every shift of theirs that starts in the period.</summary>
public sealed record RemovedDuty(Guid ReporterId, string Reporter, DateTimeOffset From, DateTimeOffset To);
