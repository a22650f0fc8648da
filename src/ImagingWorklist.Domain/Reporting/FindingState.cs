namespace ImagingWorklist.Domain.Reporting;

/// <summary>Where an alert is: raised, told to someone, acknowledged by the referring team, or escalated for lack of that.</summary>
public enum FindingState
{
    Raised,
    Communicated,
    Acknowledged,
    Escalated,
}
