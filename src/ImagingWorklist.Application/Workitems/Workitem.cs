using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Application.Workitems;

/// <summary>An exam as a UPS workitem. The Transaction UID is deliberately absent: it is the holder's secret.</summary>
public sealed record Workitem(
    Guid ExamId,
    ProcedureStepState State,
    ClinicalPriority Priority,
    string Label,
    string Accession,
    string? StudyInstanceUid,
    Patient Patient,
    DateTimeOffset ReadyAt,
    DateTimeOffset DueAt,
    string? PerformerName);
