namespace ImagingWorklist.Application.Admin;

public sealed record NewUser(string UserName, string DisplayName, string Role, Guid? ReporterId, string? TrustScope, string Password);
