namespace ImagingWorklist.Application.Delivery;

public sealed record IssuedReportCriteria(IReadOnlyList<DeliveryKind> Kinds, DateTimeOffset? UpdatedFrom, DateTimeOffset? UpdatedBefore,
    int Offset, int Count, Guid? ReportId = null);
