namespace ImagingWorklist.Application.Realtime;

/// <summary>
/// Whether this instance hears the other instances (through Redis, when there are several). While the link is down,
/// this instance's own changes still reach its own pages at once and claims stay exclusive (the database arbitrates),
/// but colleagues' changes on other instances are not heard: pages say so, and when the link returns the instance
/// rebuilds its engine from the database and every page re-reads (<see cref="WorklistChangeKind.Resynchronised"/>).
/// </summary>
public sealed class InstanceLink(TimeProvider clock)
{
    private readonly Lock _gate = new();

    /// <summary>When the link was lost; null while it is up (always, for a single instance).</summary>
    public DateTimeOffset? DownSince { get; private set; }

    public bool Down => DownSince is not null;

    /// <summary>Raised when the link is lost or restored.</summary>
    public event Action? Changed;

    /// <returns>Whether this is news (the link was up).</returns>
    public bool Lost()
    {
        lock (_gate)
        {
            if (DownSince is not null)
            {
                return false;
            }

            DownSince = clock.GetUtcNow();
        }

        Changed?.Invoke();
        return true;
    }

    /// <returns>Whether this is news (the link was down).</returns>
    public bool Restored()
    {
        lock (_gate)
        {
            if (DownSince is null)
            {
                return false;
            }

            DownSince = null;
        }

        Changed?.Invoke();
        return true;
    }
}
