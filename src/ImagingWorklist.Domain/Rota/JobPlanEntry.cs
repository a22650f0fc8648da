using ImagingWorklist.Domain.Common;

namespace ImagingWorklist.Domain.Rota;

/// <summary>
/// One recurring weekly session of a reporter's job plan ("Tuesdays 08:00–13:00, in-hours session, Trust A, 240
/// minutes"), in UK local time, valid over a span of dates, with the dates it does not happen (exceptions). Rolled out
/// into real shifts a week at a time, through the same checks as any other shift.
/// </summary>
public sealed class JobPlanEntry
{
    private readonly List<Guid> _coveredIds = [];
    private readonly List<DateOnly> _exceptions = [];

    private JobPlanEntry()
    {
    }

    public Guid Id { get; private set; }

    public Guid ReporterId { get; private set; }

    public DayOfWeek Day { get; private set; }

    public TimeOnly StartTime { get; private set; }

    /// <summary>Not after <see cref="StartTime"/> means the next morning (an overnight on-call).</summary>
    public TimeOnly EndTime { get; private set; }

    public ShiftKind Kind { get; private set; }

    public CoverScope Scope { get; private set; }

    public IReadOnlyList<Guid> CoveredIds => _coveredIds;

    public int CapacityMinutes { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    public DateOnly? ValidTo { get; private set; }

    /// <summary>Dates on which the session does not happen (a bank holiday, a teaching day).</summary>
    public IReadOnlyList<DateOnly> Exceptions => _exceptions;

    public static Outcome<JobPlanEntry> Create(
        Guid id, Guid reporterId, DayOfWeek day, TimeOnly start, TimeOnly end, ShiftKind kind, CoverScope scope,
            IEnumerable<Guid> coveredIds, int capacityMinutes, DateOnly validFrom, DateOnly? validTo)
    {
        var covered = scope == CoverScope.Network ? [] : coveredIds.Distinct().ToList();
        if (scope != CoverScope.Network && covered.Count == 0)
        {
            return Outcome<JobPlanEntry>.Rejected("Say which trusts the session covers, or make it network-wide.");
        }

        if (validTo is { } to && to < validFrom)
        {
            return Outcome<JobPlanEntry>.Rejected("A job plan entry cannot end before it starts.");
        }

        if (capacityMinutes < 0)
        {
            return Outcome<JobPlanEntry>.Rejected("Capacity cannot be negative.");
        }

        var entry = new JobPlanEntry
        {
            Id = id,
            ReporterId = reporterId,
            Day = day,
            StartTime = start,
            EndTime = end,
            Kind = kind,
            Scope = scope,
            CapacityMinutes = capacityMinutes,
            ValidFrom = validFrom,
            ValidTo = validTo,
        };
        entry._coveredIds.AddRange(covered);
        return Outcome<JobPlanEntry>.Accepted(entry);
    }

    public Outcome AddException(DateOnly date)
    {
        if (date.DayOfWeek != Day)
        {
            return Outcome.Rejected($"{date:ddd d MMM yyyy} is not a {Day}; this session only happens on {Day}s.");
        }

        if (!_exceptions.Contains(date))
        {
            _exceptions.Add(date);
        }

        return Outcome.Accepted;
    }

    public void RemoveException(DateOnly date) => _exceptions.Remove(date);

    /// <summary>The dates in [first, first + days) on which this session happens.</summary>
    public IEnumerable<DateOnly> DatesFrom(DateOnly first, int days) =>
        Enumerable.Range(0, days).Select(first.AddDays)
            .Where(d => d.DayOfWeek == Day && d >= ValidFrom && (ValidTo is null || d <= ValidTo) && !_exceptions.Contains(d));

    /// <summary>The session on a date as a shift plan (UK local times to instants).</summary>
    public ShiftPlan PlanOn(DateOnly date, TimeZoneInfo local)
    {
        ArgumentNullException.ThrowIfNull(local);
        var start = date.ToDateTime(StartTime);
        var end = (EndTime <= StartTime ? date.AddDays(1) : date).ToDateTime(EndTime);
        return new ShiftPlan(
            null,
            ReporterId,
            Kind,
            new DateTimeOffset(start, local.GetUtcOffset(start)).ToUniversalTime(),
            new DateTimeOffset(end, local.GetUtcOffset(end)).ToUniversalTime(),
            Scope,
            CoveredIds,
            CapacityMinutes);
    }
}
