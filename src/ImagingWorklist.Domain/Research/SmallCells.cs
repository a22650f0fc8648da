namespace ImagingWorklist.Domain.Research;

/// <summary>
/// k-anonymity on the quasi-identifiers: a combination shared by fewer than k distinct patients is suppressed (its rows
/// dropped), so every combination released describes at least k people. Rows are counted, not patients, in the result,
/// because the extract reports rows suppressed.
/// </summary>
public static class SmallCells
{
    public const int DefaultK = 5;

    /// <summary>The rows to keep, in their order, and how many were dropped.</summary>
    public static (IReadOnlyList<T> Kept, int Suppressed) Suppress<T>(IReadOnlyList<T> rows, Func<T, string> patient,
        Func<T, QuasiIdentifier> quasi, int k)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var patientsPerCell = rows.GroupBy(quasi).ToDictionary(g => g.Key, g => g.Select(patient).Distinct(StringComparer.Ordinal).Count());
        var kept = rows.Where(r => patientsPerCell[quasi(r)] >= k).ToList();
        return (kept, rows.Count - kept.Count);
    }
}
