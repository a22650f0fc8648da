namespace ImagingWorklist.Domain.Exams;

/// <summary>FHIR request-priority, most urgent first (the numeric order is the urgency order).</summary>
public enum ClinicalPriority
{
    Stat,
    Asap,
    Urgent,
    Routine,
}
