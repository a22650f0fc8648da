namespace ImagingWorklist.Application.Common;

/// <summary>Who is acting, for the audit trail: a person (with their reporter record, if any), a client or the system.</summary>
public sealed record Actor(string Name, Guid? ReporterId = null, string? Source = null)
{
    public static Actor System { get; } = new("system");
}
