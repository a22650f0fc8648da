using ImagingWorklist.Domain.Research;

namespace ImagingWorklist.Application.Research;

/// <summary>A request as pages and the API show it (never its secret), with its extracts, newest first.</summary>
public sealed record DataAccessView(
    Guid Id,
    string Title,
    string Purpose,
    string ApprovalReference,
    ResearchCohort Cohort,
    IReadOnlyList<string> TrustNames,
    ExtractFields Fields,
    DateOnly ExpiresOn,
    string RequestedBy,
    DateTimeOffset CreatedAt,
    DataAccessState State,
    bool Expired,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DecisionReason,
    string? LinkedTo,
    IReadOnlyList<ExtractView> Extracts)
{
    public bool MayRun => State == DataAccessState.Approved && !Expired;
}
