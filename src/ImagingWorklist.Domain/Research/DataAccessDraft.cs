namespace ImagingWorklist.Domain.Research;

/// <summary>What a requester writes in a data access request.</summary>
public sealed record DataAccessDraft(string? Title, string? Purpose, string? ApprovalReference, ResearchCohort Cohort,
    ExtractFields Fields, DateOnly ExpiresOn);
