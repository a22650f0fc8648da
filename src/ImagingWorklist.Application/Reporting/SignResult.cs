namespace ImagingWorklist.Application.Reporting;

/// <summary>What a signature led to: a final report, or a report waiting for a consultant.</summary>
public enum SignResult
{
    Final,
    AwaitingVerification,
}
