namespace ImagingWorklist.Application.Delivery;

/// <summary>A report taken for sending: the outbox row it came from and the snapshot of what was signed (JSON).</summary>
public sealed record DueReport(Guid Id, string Document);
