namespace ImagingWorklist.Application.Research;

public enum ExtractColumnKind
{
    Text,
    Integer,
    Date,
}
