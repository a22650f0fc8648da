namespace ImagingWorklist.Domain.Reporting;

/// <summary>Who was told about a finding, how and when.</summary>
public sealed record Communication(string To, CommunicationMethod Method, DateTimeOffset At);
