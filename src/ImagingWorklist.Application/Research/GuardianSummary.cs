using ImagingWorklist.Domain.Research;

namespace ImagingWorklist.Application.Research;

/// <param name="ExpiredApprovals">Approved requests past their expiry (counted among the approved too).</param>
public sealed record GuardianSummary(IReadOnlyDictionary<DataAccessState, int> Requests, int ExpiredApprovals,
    IReadOnlyList<GuardianExtractRow> Extracts, int OptedOutPatients, DateTimeOffset? LastOptOutImport);
