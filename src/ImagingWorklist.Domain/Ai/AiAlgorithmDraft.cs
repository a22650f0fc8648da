namespace ImagingWorklist.Domain.Ai;

/// <summary>What an administrator enters to register an algorithm, or to change it.</summary>
public sealed record AiAlgorithmDraft(
    string? Name,
    string? Vendor,
    string? Version,
    string? Application,
    string? Findings,
    IReadOnlyCollection<Guid> LiveTrusts);
