namespace ImagingWorklist.Application.Rota;

/// <summary>
/// What an import did: all rows, or (when any row is refused) none, with every problem named. <see cref="Imported"/>
/// counts the shifts added; an upsert also says how many it changed, left alone and removed, and which days it replaced.
/// </summary>
public sealed record ImportReport(int Imported, IReadOnlyList<ImportProblem> Problems, IReadOnlyList<ImportProblem> Warnings)
{
    public bool Succeeded => Problems.Count == 0;

    public int Changed { get; init; }

    public int Unchanged { get; init; }

    public int Removed { get; init; }

    /// <summary>The UK days the file replaced (its <c>#replaces</c> line), or null when it only added and changed.</summary>
    public (DateOnly First, DateOnly Last)? Replaced { get; init; }
}
