namespace ImagingWorklist.Domain.Reporting;

public enum ReportStatus
{
    Draft,
    Preliminary,
    Final,
    Addendum,

    /// <summary>Signed by a registrar; a consultant must verify it before it is final.</summary>
    AwaitingVerification,
}
