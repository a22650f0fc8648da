namespace ImagingWorklist.Application.Admin;

public sealed record NetworkDirectory(string NetworkName, IReadOnlyList<TrustRow> Trusts, IReadOnlyList<ReporterRow> Reporters);
