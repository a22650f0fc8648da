namespace ImagingWorklist.Domain.Reporting;

public enum CommunicationMethod
{
    Telephone,
    InPerson,
    SecureMessage,
    Bleep,
}
