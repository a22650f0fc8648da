namespace ImagingWorklist.Application.Simulation;

/// <summary>A session the coordinator would add: network-wide, or for every trust the reporter holds a credential for.</summary>
public sealed record ProposedSession(Guid ReporterId, string Reporter, DateTimeOffset Start, DateTimeOffset End, int CapacityMinutes,
    bool NetworkWide);
