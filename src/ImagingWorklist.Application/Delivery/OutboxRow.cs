using ImagingWorklist.Domain.Interop;

namespace ImagingWorklist.Application.Delivery;

public sealed record OutboxRow(Guid Id, Guid ExamId, string Accession, string TrustName, string Kind, DeliveryStatus Status, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? DeliveredAt, string? Endpoint, string? LastError);
