namespace ImagingWorklist.Domain.Engine;

/// <summary>Urgency classes, most urgent first; the engine always serves a lower class before a higher one.</summary>
public enum UrgencyClass
{
    Emergency = 0,
    High = 1,
    Urgent = 2,
    Routine = 3,
}
