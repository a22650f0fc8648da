using ImagingWorklist.Application.Reporting;
using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Application.Exams;

public sealed record ExamDetails(
    Guid ExamId,
    string Accession,
    string? StudyInstanceUid,
    Patient Patient,
    int PatientAgeYears,
    string TrustName,
    string SiteName,
    Modality Modality,
    string ProcedureDescription,
    Pathway Pathway,
    ClinicalPriority Priority,
    string ClinicalDetails,
    DateTimeOffset PerformedAt,
    DateTimeOffset DueAt,
    ExamState State,
    Claim? Claim,
    string? ClaimedBy,
    string? HoldReason,
    string? ViewerUrl,
    IReadOnlyList<PriorExam> Priors,
    ReportingAccess Access,
    string ProcedureCode,
    Domain.Reporters.Skill RequiredSkill,
    string? Referrer = null,
    string? RegisteredGp = null);
