namespace ImagingWorklist.Application.Admin;

public sealed record UserSummary(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, Guid? ReporterId,
    string? ReporterName, string? TrustScope, bool LockedOut, DateTimeOffset? LockoutEnd);
