namespace ImagingWorklist.Application.FollowUps;

/// <summary>Which recommendations a tracking list shows.</summary>
public enum FollowUpView
{
    /// <summary>Open ones past their date or due within the "due soon" period: the failsafe officer's list.</summary>
    NeedsAction,
    Overdue,
    Open,
    Closed,
    All,
}
