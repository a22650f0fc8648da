namespace ImagingWorklist.Domain.Exams;

public enum Pathway
{
    Emergency,
    Inpatient,
    UrgentSuspectedCancer,
    Outpatient,
    GpDirectAccess,
    Screening,
}
