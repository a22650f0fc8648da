using ImagingWorklist.Domain.Research;

namespace ImagingWorklist.Application.Research;

/// <summary>One extract as pages and the Bulk Data status show it.</summary>
public sealed record ExtractView(
    Guid Id,
    Guid RequestId,
    string MadeBy,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    ExtractStatus Status,
    int Done,
    int Total,
    int Rows,
    int Patients,
    int Suppressed,
    int OptedOut,
    int Unverifiable,
    int IdentifiersRemoved,
    string? Error,
    IReadOnlyList<ExtractFileView> Files)
{
    /// <summary>Share of the cohort read, 0 to 1.</summary>
    public double Progress => Status == ExtractStatus.Ready ? 1 : Total == 0 ? 0 : Math.Clamp((double)Done / Total, 0, 1);

    internal static ExtractView Of(ResearchExtract e, IReadOnlyList<ExtractFileView> files) => new(e.Id, e.RequestId, e.MadeBy, e.StartedAt,
        e.FinishedAt, e.Status, e.Done, e.Total, e.Rows, e.Patients, e.Suppressed, e.OptedOut, e.Unverifiable, e.IdentifiersRemoved,
            e.Error,
        files);
}
