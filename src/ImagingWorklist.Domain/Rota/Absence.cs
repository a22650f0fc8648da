namespace ImagingWorklist.Domain.Rota;

/// <summary>Leave or absence: it removes whatever cover the reporter's shifts would have given in that time.</summary>
public sealed class Absence
{
    private Absence()
    {
    }

    public Absence(Guid id, Guid reporterId, AbsenceKind kind, DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
        {
            throw new ArgumentException("An absence must end after it starts.", nameof(end));
        }

        Id = id;
        ReporterId = reporterId;
        Kind = kind;
        Start = start;
        End = end;
    }

    public Guid Id { get; private set; }

    public Guid ReporterId { get; private set; }

    public AbsenceKind Kind { get; private set; }

    public DateTimeOffset Start { get; private set; }

    public DateTimeOffset End { get; private set; }

    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => start < End && Start < end;
}
