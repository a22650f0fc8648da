namespace ImagingWorklist.Application.Research;

/// <summary>The <c>Research</c> section: how small a cell of quasi-identifiers may be, and how many exams are read at a time.</summary>
public sealed class ResearchSettings
{
    /// <summary>k of k-anonymity: a combination of age band, sex, trust and month needs at least this many patients.</summary>
    public int SmallCellK { get; set; } = Domain.Research.SmallCells.DefaultK;

    /// <summary>Exams read from the database per round while an extract is built (progress moves by this much).</summary>
    public int BatchSize { get; set; } = 2000;

    public IEnumerable<string> Problems()
    {
        if (SmallCellK is < 2 or > 100)
        {
            yield return $"Research:SmallCellK must be between 2 and 100, not {SmallCellK}.";
        }

        if (BatchSize is < 100 or > 100_000)
        {
            yield return $"Research:BatchSize must be between 100 and 100000, not {BatchSize}.";
        }
    }
}
