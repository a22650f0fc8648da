using ImagingWorklist.Domain.Reporters;

namespace ImagingWorklist.Application.Admin;

public sealed record ReporterRow(
    Guid ReporterId,
    string DisplayName,
    ProfessionalRole Role,
    string RegistrationNumber,
    string Skills,
    string ScopeOfPractice,
    IReadOnlyList<CredentialRow> Credentials);
