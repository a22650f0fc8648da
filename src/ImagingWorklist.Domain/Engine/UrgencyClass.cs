namespace ImagingWorklist.Domain.Engine;

/// <summary>Urgency classes, most urgent first; the engine always serves a lower class before a higher one.</summary>
public enum UrgencyClass
{
    /// <summary>A hyperacute fast lane (stroke, major trauma): first on every eligible reporter's list.</summary>
    Hyperacute = 0,
    Emergency = 1,
    High = 2,
    Urgent = 3,
    Routine = 4,
}
