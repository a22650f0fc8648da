using ImagingWorklist.Domain.Interop;

namespace ImagingWorklist.Application.Ingest;

public sealed record InboundRow(Guid Id, DateTimeOffset ReceivedAt, string Channel, string Source, string? SendingFacility,
    string? ControlId, string MessageType, InboundStatus Status, string? AckCode, string? Error, string? Key);
