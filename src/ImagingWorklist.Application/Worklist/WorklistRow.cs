using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Application.Worklist;

/// <summary>A worklist row: no patient name or identifier, only what ranking and choosing need.</summary>
public sealed record WorklistRow(
    Guid ExamId,
    string Accession,
    ClinicalPriority Priority,
    ExamState State,
    DateTimeOffset DueAt,
    string TrustName,
    string SiteName,
    Modality Modality,
    string ProcedureDescription,
    int PatientAgeYears,
    Sex PatientSex,
    Pathway Pathway,
    string? ClaimedBy,
    DateTimeOffset? ClaimedAt);
