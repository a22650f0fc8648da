using ImagingWorklist.Domain.Interop;

namespace ImagingWorklist.Application.Reporting;

public sealed record DeliveryView(Guid Id, string Kind, DeliveryStatus Status, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset? DeliveredAt, DateTimeOffset NextAttemptAt, string? Endpoint, string? LastError);
