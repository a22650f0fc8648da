namespace ImagingWorklist.Application.Admin;

public sealed record SiteRow(string OdsCode, string Name);
