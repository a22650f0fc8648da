namespace ImagingWorklist.Domain.Engine;

public enum AssignmentKind
{
    /// <summary>Emergency work goes to the least-loaded eligible reporter at once, over capacity if need be.</summary>
    Emergency,
    Push,
}
