namespace ImagingWorklist.Application.Workitems;

/// <summary>Why a UPS-RS request was refused; each has its own HTTP status (PS3.18 11.7).</summary>
public enum WorkitemFailure
{
    /// <summary>404: no such workitem among the trusts the caller may see.</summary>
    NotFound,

    /// <summary>409: the workitem's state does not allow it (someone else holds it, a wrong Transaction UID).</summary>
    Conflict,

    /// <summary>400: the request itself is wrong.</summary>
    Invalid,

    /// <summary>403: this caller may not do it (outside their scope of practice, no credential, off duty).</summary>
    Forbidden,
}
