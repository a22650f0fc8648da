using ImagingWorklist.Domain.Reporting;

namespace ImagingWorklist.Application.Reporting;

public sealed record ReportView(
    Guid Id,
    ReportStatus Status,
    string Text,
    string Author,
    Guid? LastEditedById,
    string? LastEditedBy,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SignedAt,
    string? SignedBy,
    string? SubmittedBy,
    string? VerifiedBy,
    string? SubmittedText,
    bool EditedInVerification,
    string? ReturnComment);
