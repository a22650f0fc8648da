namespace ImagingWorklist.Application.Ai;

/// <summary>A registered algorithm as the administrator's list shows it.</summary>
public sealed record AiAlgorithmRow(
    Guid Id,
    string Name,
    string Vendor,
    string Version,
    string Label,
    string Application,
    string Findings,
    IReadOnlyList<Guid> LiveTrusts,
    int Results,
    int Concurrency);
