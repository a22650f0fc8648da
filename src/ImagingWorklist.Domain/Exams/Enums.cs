namespace ImagingWorklist.Domain.Exams;

/// <summary>DICOM modality codes this network reports.</summary>
public enum Modality
{
    CR,
    DX,
    CT,
    MR,
    US,
    NM,
    PT,
    MG,
    RF,
    XA,
}
