namespace ImagingWorklist.Application.Reporting;

public enum ReportingTaskKind
{
    Verification,
    Consult,
}
