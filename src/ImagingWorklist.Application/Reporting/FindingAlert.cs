using ImagingWorklist.Domain.Reporting;

namespace ImagingWorklist.Application.Reporting;

/// <summary>A critical finding as the dashboard and the exam show it.</summary>
public sealed record FindingAlert(
    Guid Id,
    Guid ExamId,
    string Accession,
    string TrustName,
    FindingCategory Category,
    FindingState State,
    string Summary,
    string? SuspectedPrimarySite,
    string RaisedBy,
    DateTimeOffset RaisedAt,
    string CommunicatedTo,
    CommunicationMethod? Method,
    DateTimeOffset? CommunicatedAt,
    DateTimeOffset AcknowledgeBy,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    DateTimeOffset? EscalatedAt);
