using ImagingWorklist.Domain.Reporting;

namespace ImagingWorklist.Application.Reporting;

/// <summary>Everything written about an exam: the report in progress, signed reports and addenda, opinions, deliveries.</summary>
public sealed record ExamReporting(
    ReportView? Working,
    IReadOnlyList<ReportView> Signed,
    IReadOnlyList<ConsultView> Consults,
    IReadOnlyList<DeliveryView> Deliveries,
    ReportTemplate? Template);
