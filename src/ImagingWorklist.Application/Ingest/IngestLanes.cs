using System.Threading.Channels;

namespace ImagingWorklist.Application.Ingest;

/// <summary>
/// Lane scheduling for the ingest, apart from what applying a message means: each item goes to the lane its key hashes
/// to, so items with the same key (one exam's messages) are handled one after another in arrival order while the lanes
/// overlap their round trips. A lane takes what has queued up as one batch (up to <c>maxBatch</c>; an item that must go
/// alone is a batch of its own) and hands it to the handler. A lane outlives any failure of the handler.
/// </summary>
internal sealed class IngestLanes<T> : IAsyncDisposable
{
    private readonly Channel<T>[] _lanes;
    private readonly Task[] _loops;
    private readonly int _maxBatch;
    private readonly Func<T, bool> _alone;
    private readonly Func<List<T>, Task> _handle;
    private readonly Action<List<T>, Exception> _failed;
    private long _batches;
    private long _items;

    /// <param name="alone">Whether an item must be handled in a batch of its own.</param>
    /// <param name="failed">Told of a batch whose handler threw, after which the lane goes on.</param>
    public IngestLanes(int lanes, int maxBatch, Func<T, bool> alone, Func<List<T>, Task> handle, Action<List<T>, Exception> failed)
    {
        (_maxBatch, _alone, _handle, _failed) = (maxBatch, alone, handle, failed);
        _lanes =
            [.. Enumerable.Range(0, lanes).Select(_ => Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true }))];
        _loops = [.. _lanes.Select(lane => Task.Run(() => RunAsync(lane.Reader)))];
    }

    /// <summary>Batches handled so far and the items in them (the mean batch shows how much a shared commit saves).</summary>
    public (long Batches, long Items) Batched => (Interlocked.Read(ref _batches), Interlocked.Read(ref _items));

    /// <summary>Queues an item on its key's lane; false once the lanes are shutting down.</summary>
    public bool TryWrite(string key, T item) =>
        _lanes[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)_lanes.Length)].Writer.TryWrite(item);

    public async ValueTask DisposeAsync()
    {
        foreach (var lane in _lanes)
        {
            lane.Writer.TryComplete();
        }

        await Task.WhenAll(_loops);
    }

    private async Task RunAsync(ChannelReader<T> reader)
    {
        while (await reader.WaitToReadAsync())
        {
            var batch = new List<T>();
            while (batch.Count < _maxBatch && reader.TryPeek(out var next))
            {
                var alone = _alone(next);
                if (alone && batch.Count > 0)
                {
                    break;
                }

                reader.TryRead(out _);
                batch.Add(next);
                if (alone)
                {
                    break;
                }
            }

            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _items, batch.Count);
            try
            {
                await _handle(batch);
            }
            catch (Exception exception)
            {
                _failed(batch, exception);
            }
        }
    }
}
