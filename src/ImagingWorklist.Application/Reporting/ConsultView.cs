using ImagingWorklist.Domain.Reporting;

namespace ImagingWorklist.Application.Reporting;

public sealed record ConsultView(Guid Id, string AskedBy, string AskedOf, string Question, ConsultStatus Status,
    DateTimeOffset RequestedAt, string? Answer, string? AnsweredBy, DateTimeOffset? AnsweredAt);
