namespace ImagingWorklist.Application.Worklist;

public enum WorklistSort
{
    Priority,
    DueAt,
    Site,
    Modality,
    Procedure,
    PatientAge,
    Pathway,
}
