using ImagingWorklist.Domain.Identifiers;
using ImagingWorklist.Domain.Reporters;

namespace ImagingWorklist.Domain.Exams;

/// <summary>What an order (HL7 ORM/OMI, FHIR ServiceRequest, or the demo seed) tells us about a new exam.</summary>
public sealed record ExamOrder(
    Guid Id,
    Guid TrustId,
    Guid SiteId,
    AccessionNumber Accession,
    StudyInstanceUid? StudyInstanceUid,
    Patient Patient,
    Modality Modality,
    string BodyPart,
    string ProcedureCode,
    string ProcedureDescription,
    Skill RequiredSkill,
    int ExpectedReadingMinutes,
    Pathway Pathway,
    PatientClass PatientClass,
    ClinicalPriority Priority,
    string ClinicalDetails,
    DateTimeOffset OrderedAt,
    DateTimeOffset? PerformedAt,
    string? Referrer = null,
    string? RegisteredGp = null);
