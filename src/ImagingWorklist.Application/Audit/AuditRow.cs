using ImagingWorklist.Domain.Audit;

namespace ImagingWorklist.Application.Audit;

public sealed record AuditRow(DateTimeOffset At, AuditAction Action, string Actor, string Detail, string? Reason, string? Source,
    Guid? ExamId, string? Accession, string? TrustOds);
