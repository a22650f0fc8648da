namespace ImagingWorklist.Domain.Engine;

public sealed record NextCaseResult(NextCase? Case, string? WhyNone)
{
    public static NextCaseResult Found(NextCase next) => new(next, null);

    public static NextCaseResult None(string why) => new(null, why);
}
