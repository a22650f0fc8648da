using ImagingWorklist.Domain.Reporting;

namespace ImagingWorklist.Application.Dashboards;

/// <summary>
/// Alerts raised in a period (up to now) for one trust and category: how many were acknowledged, how many in time, how many were
/// escalated or are still open, and the median and 90th-percentile minutes from the alert (the earlier of raising and
/// telling) to acknowledgement.
/// </summary>
public sealed record AlertAcknowledgementRow(
    string TrustName, FindingCategory Category, int Raised, int Acknowledged, int Decided, int InTime, int Escalated, int Open,
        double? MedianMinutes, double? P90Minutes)
{
    public double AcknowledgedShare => Raised == 0 ? 0 : (double)Acknowledged / Raised;

    /// <summary>Of the alerts acknowledged or past their deadline, the share acknowledged in time; none while every one is still within
    /// it.</summary>
    public double? InTimeShare => Decided == 0 ? null : (double)InTime / Decided;
}
