namespace ImagingWorklist.Application.Workitems;

public sealed record WorkitemResult(WorkitemFailure? Failure, string? Reason)
{
    public static WorkitemResult Done { get; } = new(null, null);

    public bool Succeeded => Failure is null;
}
