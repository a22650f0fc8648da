using ImagingWorklist.Domain.Reporting;

namespace ImagingWorklist.Application.FollowUps;

/// <summary>A recommendation as the tracking list, the exam view, the CSV and FHIR show it.</summary>
public sealed record FollowUpRow(
    Guid Id,
    Guid ExamId,
    string Accession,
    string TrustName,
    string PatientName,
    string? NhsNumber,
    string PatientMrn,
    string What,
    string? ProcedureCode,
    DateOnly DueBy,
    string Reason,
    FollowUpRecipient Recipient,
    string RecipientName,
    string RecommendedBy,
    DateTimeOffset RecommendedAt,
    FollowUpStatus Status,
    bool Overdue,
    bool DueSoon,
    string? DoneBy,
    DateTimeOffset? ClosedAt,
    FollowUpClosure? Closure,
    string? ClosedNote,
    string? ClosedBy);
