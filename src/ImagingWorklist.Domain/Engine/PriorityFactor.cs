namespace ImagingWorklist.Domain.Engine;

public sealed record PriorityFactor(string Name, string Effect);
