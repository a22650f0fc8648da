using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Identifiers;

namespace ImagingWorklist.Application.Ingest;

/// <summary>What an ORM^O01 or OMI^O23 says, read field by field, with every problem named by segment and field.</summary>
public sealed record Hl7Order(
    string OrderControl,
    AccessionNumber? Accession,
    bool ImagesComplete,
    string ProcedureCode,
    ClinicalPriority Priority,
    PatientClass PatientClass,
    Pathway Pathway,
    string ClinicalDetails,
    DateTimeOffset OrderedAt,
    DateTimeOffset? PerformedAt,
    StudyInstanceUid? StudyInstanceUid,
    string? SiteCode,
    Patient? Patient,
    IReadOnlyList<Hl7Error> Errors,
    IReadOnlyList<string> Warnings,
    string? Referrer = null,
    string? RegisteredGp = null)
{
    /// <summary>The reason-for-study codes (OBR-31, first component of each repetition): a fast lane's pathway codes.</summary>
    public IReadOnlyList<string> ReasonCodes { get; init; } = [];

    /// <summary>The codes a fast lane is matched against: the reasons for study and the procedure code.</summary>
    public IEnumerable<string> LaneCodes => ReasonCodes.Append(ProcedureCode);
}
