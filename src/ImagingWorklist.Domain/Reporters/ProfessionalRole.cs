namespace ImagingWorklist.Domain.Reporters;

public enum ProfessionalRole
{
    ConsultantRadiologist,
    Registrar,
    ReportingRadiographer,
}
