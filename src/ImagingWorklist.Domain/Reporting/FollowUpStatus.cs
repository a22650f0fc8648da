namespace ImagingWorklist.Domain.Reporting;

public enum FollowUpStatus
{
    Open,

    /// <summary>An order for the recommended examination arrived, from any trust of the network.</summary>
    Done,

    /// <summary>Closed by hand, with a reason.</summary>
    Closed,
}
