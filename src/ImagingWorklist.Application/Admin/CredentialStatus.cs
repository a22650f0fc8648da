namespace ImagingWorklist.Application.Admin;

public enum CredentialStatus
{
    Valid,
    ExpiringSoon,
    Expired,
    NotYetValid,
}
