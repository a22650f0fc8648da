using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ImagingWorklist.Web.Infrastructure;

/// <summary>
/// The Blazor circuits open on this instance (a gauge, and what the circuit benchmark and the tab-closing test read): one
/// per app, so two instances in one process each count their own.
/// </summary>
internal sealed class OpenCircuits
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Told of each circuit as Blazor opens and closes it.</summary>
    internal sealed class Counter(OpenCircuits circuits) : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref circuits._count);
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Decrement(ref circuits._count);
            return Task.CompletedTask;
        }
    }
}
