namespace ImagingWorklist.Application.Workitems;

/// <summary>DICOM UPS procedure step states.</summary>
public enum ProcedureStepState
{
    Scheduled,
    InProgress,
    Completed,
    Canceled,
}
