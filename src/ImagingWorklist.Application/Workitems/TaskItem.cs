using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Application.Workitems;

/// <summary>One worklist item as a FHIR Task shows it: the work, not the patient.</summary>
public sealed record TaskItem(
    Guid ExamId,
    string Accession,
    string TrustOds,
    ExamState State,
    ClinicalPriority Priority,
    string ProcedureCode,
    string ProcedureDescription,
    DateTimeOffset OrderedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset DueAt,
    Guid? OwnerId,
    string? OwnerName);
