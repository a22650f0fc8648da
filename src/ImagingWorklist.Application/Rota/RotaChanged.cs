namespace ImagingWorklist.Application.Rota;

/// <summary>A change that was made, with what the coordinator should still look at.</summary>
public sealed record RotaChanged(Guid Id, IReadOnlyList<string> Warnings);
