namespace ImagingWorklist.Domain.Reporting;

/// <summary>Who the recommendation is addressed to, as the order records them.</summary>
public enum FollowUpRecipient
{
    Referrer,
    GeneralPractitioner,
}
