namespace ImagingWorklist.Domain.Research;

/// <summary>
/// One run of an approved request: its progress while it is built, then its counts (rows, patients, rows suppressed as
/// small cells, patients left out for their opt-out) and its files.
/// </summary>
public sealed class ResearchExtract
{
    public const int ErrorMaxLength = 1000;

    private ResearchExtract() => MadeBy = string.Empty;

    public Guid Id { get; private set; }

    public Guid RequestId { get; private set; }

    public string MadeBy { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>When the builder last reported progress: a build silent for long was interrupted (the app stopped).</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    public ExtractStatus Status { get; private set; }

    /// <summary>Exams read so far, of <see cref="Total"/>: the progress a page shows.</summary>
    public int Done { get; private set; }

    public int Total { get; private set; }

    public int Rows { get; private set; }

    public int Patients { get; private set; }

    public int Suppressed { get; private set; }

    public int OptedOut { get; private set; }

    public int Unverifiable { get; private set; }

    public int IdentifiersRemoved { get; private set; }

    public string? Error { get; private set; }

    public static ResearchExtract Start(Guid id, Guid requestId, string madeBy, DateTimeOffset now) =>
        new() { Id = id, RequestId = requestId, MadeBy = madeBy, StartedAt = now, UpdatedAt = now, Status = ExtractStatus.Building };

    public void Progress(int done, int total, DateTimeOffset now)
    {
        Done = done;
        Total = total;
        UpdatedAt = now;
    }

    public void Finish(ExtractCounts counts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(counts);
        Rows = counts.Rows;
        Patients = counts.Patients;
        Suppressed = counts.Suppressed;
        OptedOut = counts.OptedOut;
        Unverifiable = counts.Unverifiable;
        IdentifiersRemoved = counts.IdentifiersRemoved;
        Done = Total;
        Status = ExtractStatus.Ready;
        FinishedAt = now;
        UpdatedAt = now;
    }

    public void Fail(string error, DateTimeOffset now)
    {
        Error = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        Status = ExtractStatus.Failed;
        FinishedAt = now;
        UpdatedAt = now;
    }

    public void Delete(DateTimeOffset now)
    {
        Status = ExtractStatus.Deleted;
        FinishedAt ??= now;
    }
}
