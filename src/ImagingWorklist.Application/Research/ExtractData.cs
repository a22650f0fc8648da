using ImagingWorklist.Domain.Research;

namespace ImagingWorklist.Application.Research;

/// <summary>What a format writes: the rows left after opt-outs and small-cell suppression, and the fields the request chose.</summary>
public sealed record ExtractData(Guid RequestId, string Title, ExtractFields Fields, IReadOnlyList<ExtractRow> Rows, ExtractCounts Counts,
    int SmallCellK, DateTimeOffset MadeAt)
{
    public bool Has(ExtractFields field) => (Fields & field) == field;
}
