namespace ImagingWorklist.Domain.Exams;

/// <summary>Administrative sex as recorded by the RIS (FHIR AdministrativeGender).</summary>
public enum Sex
{
    Unknown,
    Female,
    Male,
    Other,
}
