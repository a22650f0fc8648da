namespace ImagingWorklist.Application.Dashboards;

/// <summary>What the people on call watch in the database: reports waiting for delivery, alerts and follow-ups overdue.</summary>
public sealed record OperationsSnapshot(int OutboxDepth, TimeSpan OldestUndelivered, int UnacknowledgedAlerts, int OverdueFollowUps);
