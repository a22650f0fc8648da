using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Domain.Reporting;

/// <summary>What was recommended: a procedure (by code, with its modality and body part) or a clinical review.</summary>
public sealed record FollowUpWhat(string? ProcedureCode, Modality? Modality, string? BodyPart, string Description)
{
    public static FollowUpWhat ClinicalReview { get; } = new(null, null, null, "Clinical review");

    public bool IsClinicalReview => ProcedureCode is null;
}
