namespace ImagingWorklist.Domain.Research;

/// <summary>
/// The fields a request may ask for beyond the pseudonyms, which every extract has. Dates are always shifted; ages are
/// always bands; report text is always scrubbed.
/// </summary>
[Flags]
public enum ExtractFields
{
    None = 0,
    Modality = 1,
    Procedure = 2,
    BodyPart = 4,
    Pathway = 8,
    Priority = 16,
    Sex = 32,
    AgeBand = 64,
    Trust = 128,
    StudyDate = 256,
    Turnaround = 512,
    ReportText = 1024,
    All = Modality | Procedure | BodyPart | Pathway | Priority | Sex | AgeBand | Trust | StudyDate | Turnaround | ReportText,
}
