using Microsoft.EntityFrameworkCore;

namespace ImagingWorklist.Application.Dashboards;

public sealed record BacklogSummary(DateTimeOffset At, IReadOnlyList<TrustBacklog> Trusts, IReadOnlyList<ModalityBacklog> Modalities)
{
    public int Open => Trusts.Sum(t => t.Open);

    public int Overdue => Trusts.Sum(t => t.Overdue);

    public int DueWithin24Hours => Trusts.Sum(t => t.DueWithin24Hours);
}
