namespace ImagingWorklist.Domain.Research;

public enum ExtractStatus
{
    Building,
    Ready,
    Failed,
    Deleted,
}
