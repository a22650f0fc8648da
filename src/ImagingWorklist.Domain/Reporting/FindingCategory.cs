namespace ImagingWorklist.Domain.Reporting;

/// <summary>
/// The alert categories of the Academy of Medical Royal Colleges' <i>Alerts and notification of imaging reports:
/// recommendations</i> (2022, endorsed by the RCR), whose national alert text codes are CRITICAL, URGENT and CANCER;
/// <see cref="SignificantUnexpected"/> is the RCR 2016 category, kept for networks that still use it. Which categories
/// a network offers and how soon each must be acknowledged is configuration (<see cref="CriticalFindingPolicy"/>).
/// </summary>
public enum FindingCategory
{
    /// <summary>Needs emergency action (tension pneumothorax, aortic dissection): tell the team now, by voice.</summary>
    Critical,

    /// <summary>Needs medical evaluation within 24 hours (new pulmonary embolism in a stable patient).</summary>
    Urgent,

    /// <summary>Significant and unexpected, needing timely action (RCR 2016; replaced by CANCER for cancers).</summary>
    SignificantUnexpected,

    /// <summary>A suspected new cancer or a new recurrence (not progression of a known one), with its primary site.</summary>
    Cancer,
}
