namespace ImagingWorklist.Domain.Research;

/// <summary>A patient on the national data opt-out list: never in any extract.</summary>
public sealed class OptedOutPatient
{
    private OptedOutPatient() => NhsNumber = string.Empty;

    public OptedOutPatient(string nhsNumber) => NhsNumber = nhsNumber;

    public string NhsNumber { get; private set; }
}
