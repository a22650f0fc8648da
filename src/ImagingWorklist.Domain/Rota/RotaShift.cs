namespace ImagingWorklist.Domain.Rota;

/// <summary>A reporter on duty: when, what kind of cover, which trusts or sites (or the whole network), how much work.</summary>
public sealed class RotaShift
{
    private readonly List<Guid> _coveredIds = [];

    private RotaShift()
    {
    }

    public RotaShift(
        Guid id,
        Guid reporterId,
        ShiftKind kind,
        DateTimeOffset start,
        DateTimeOffset end,
        CoverScope scope,
        IEnumerable<Guid> coveredIds,
        int capacityMinutes)
    {
        if (end <= start)
        {
            throw new ArgumentException("A shift must end after it starts.", nameof(end));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(capacityMinutes);
        Id = id;
        ReporterId = reporterId;
        Kind = kind;
        Start = start;
        End = end;
        Scope = scope;
        _coveredIds.AddRange(scope == CoverScope.Network ? [] : coveredIds.Distinct());
        if (scope != CoverScope.Network && _coveredIds.Count == 0)
        {
            throw new ArgumentException($"A {scope} shift must name what it covers.", nameof(coveredIds));
        }

        CapacityMinutes = capacityMinutes;
    }

    public Guid Id { get; private set; }

    public Guid ReporterId { get; private set; }

    public ShiftKind Kind { get; private set; }

    public DateTimeOffset Start { get; private set; }

    /// <summary>Exclusive.</summary>
    public DateTimeOffset End { get; private set; }

    public CoverScope Scope { get; private set; }

    /// <summary>Trust ids for <see cref="CoverScope.Trusts"/>, site ids for <see cref="CoverScope.Sites"/>.</summary>
    public IReadOnlyList<Guid> CoveredIds => _coveredIds;

    /// <summary>Expected reading minutes this shift can take on at once.</summary>
    public int CapacityMinutes { get; private set; }

    public bool IsOnDutyAt(DateTimeOffset now) => now >= Start && now < End;

    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => start < End && Start < end;

    /// <summary>A coordinator changed the shift; the same rules as a new one apply (checked by <see cref="RotaChecks"/>).</summary>
    public void Reschedule(ShiftKind kind, DateTimeOffset start, DateTimeOffset end, CoverScope scope, IEnumerable<Guid> coveredIds,
        int capacityMinutes)
    {
        var replacement = new RotaShift(Id, ReporterId, kind, start, end, scope, coveredIds, capacityMinutes);
        Kind = replacement.Kind;
        Start = replacement.Start;
        End = replacement.End;
        Scope = replacement.Scope;
        _coveredIds.Clear();
        _coveredIds.AddRange(replacement.CoveredIds);
        CapacityMinutes = replacement.CapacityMinutes;
    }

    public bool Covers(Guid trustId, Guid siteId) => Scope switch
    {
        CoverScope.Network => true,
        CoverScope.Trusts => _coveredIds.Contains(trustId),
        CoverScope.Sites => _coveredIds.Contains(siteId),
        _ => false,
    };

    public bool IsOutOfHours => Kind is ShiftKind.OnCallFirst or ShiftKind.OnCallSecond or ShiftKind.OutOfHoursHotReporting;
}
