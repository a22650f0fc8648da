using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Application.Reporting;

public sealed record TemplateDraft(Guid? Id, string Name, Modality Modality, string? ProcedureCode, string Text);
