using ImagingWorklist.Domain.Reporting;

namespace ImagingWorklist.Application.Reporting;

/// <summary>A question this reporter asked, with its answer once given.</summary>
public sealed record AskedConsult(Guid ConsultId, Guid ExamId, string ProcedureDescription, string AskedOf, string Question,
    ConsultStatus Status, string? Answer, string? AnsweredBy, DateTimeOffset? AnsweredAt);
