using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Application.Workitems;

public sealed record WorkitemQuery(
    ProcedureStepState? State = null,
    ClinicalPriority[]? Priorities = null,
    string? Accession = null,
    string? PatientId = null,
    string? Label = null,
    int Offset = 0,
    int Limit = 100);
