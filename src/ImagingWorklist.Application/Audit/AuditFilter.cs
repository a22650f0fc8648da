using ImagingWorklist.Domain.Audit;

namespace ImagingWorklist.Application.Audit;

/// <summary>What an administrator may filter the audit trail by. Times are inclusive-exclusive.</summary>
public sealed record AuditFilter(DateTimeOffset? From = null, DateTimeOffset? To = null, AuditAction? Action = null, string? Actor = null,
    Guid? ExamId = null);
