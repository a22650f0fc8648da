namespace ImagingWorklist.Domain.Reporting;

public enum ConsultStatus
{
    Open,
    Answered,
    Withdrawn,
}
