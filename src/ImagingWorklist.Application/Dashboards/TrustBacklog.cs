namespace ImagingWorklist.Application.Dashboards;

public sealed record TrustBacklog(
    Guid TrustId,
    string TrustName,
    int Open,
    int Claimed,
    int OnHold,
    int Overdue,
    int DueWithin24Hours,
    int ReportedLast7Days,
    int ReportedOnTimeLast7Days)
{
    public double? OnTimeShare => ReportedLast7Days == 0 ? null : (double)ReportedOnTimeLast7Days / ReportedLast7Days;
}
