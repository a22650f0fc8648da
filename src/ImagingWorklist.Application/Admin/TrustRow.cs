namespace ImagingWorklist.Application.Admin;

public sealed record TrustRow(Guid TrustId, string OdsCode, string Name, IReadOnlyList<SiteRow> Sites);
