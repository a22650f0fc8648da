using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Dashboards;

public sealed record BacklogBreakdown(DateTimeOffset At, BacklogDimension By, IReadOnlyList<BacklogLine> Lines)
{
    public int Total(BacklogMeasure measure) => Lines.Sum(l => l[measure]);
}
