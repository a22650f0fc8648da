namespace ImagingWorklist.Domain.Research;

/// <summary>Where a data access request stands. Expiry is not a state: an approved request past its date simply cannot run.</summary>
public enum DataAccessState
{
    Draft,
    Submitted,
    Approved,
    Refused,
    Withdrawn,
}
