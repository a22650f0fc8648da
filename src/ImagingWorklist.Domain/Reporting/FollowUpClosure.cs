namespace ImagingWorklist.Domain.Reporting;

/// <summary>Why a recommendation was closed by hand.</summary>
public enum FollowUpClosure
{
    Declined,
    DoneElsewhere,
    NotNeeded,
    PatientDeceased,
}
