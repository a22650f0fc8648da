namespace ImagingWorklist.Domain.Rota;

/// <summary>Something wrong with a proposed shift or absence: it refuses the change, or only warns.</summary>
public sealed record RotaProblem(string Message, bool Refuses);
