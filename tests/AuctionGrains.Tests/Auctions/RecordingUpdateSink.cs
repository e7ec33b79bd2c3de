using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionGrains.Tests.Auctions;

/// <summary>Records every snapshot the grains publish and lets a test await the one it expects.</summary>
public sealed class RecordingUpdateSink : IAuctionUpdateSink
{
    private readonly Lock _gate = new();
    private readonly List<AuctionSnapshot> _snapshots = [];
    private readonly List<(string AuctionId, Func<AuctionSnapshot, bool> Matches, TaskCompletionSource<AuctionSnapshot> Done)> _waiters = [];

    public void Publish(AuctionSnapshot snapshot)
    {
        List<TaskCompletionSource<AuctionSnapshot>> done = [];
        lock (_gate)
        {
            _snapshots.Add(snapshot);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].AuctionId == snapshot.AuctionId && _waiters[i].Matches(snapshot))
                {
                    done.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var waiter in done)
        {
            waiter.TrySetResult(snapshot);
        }
    }

    /// <summary>The auction's snapshots in the order they were published.</summary>
    public IReadOnlyList<AuctionSnapshot> For(string auctionId)
    {
        lock (_gate)
        {
            return [.. _snapshots.Where(s => s.AuctionId == auctionId)];
        }
    }

    /// <summary>The first snapshot of the auction that matches, published already or within <see cref="Eventually.Timeout"/>.</summary>
    public Task<AuctionSnapshot> WaitForAsync(string auctionId, Func<AuctionSnapshot, bool> matches)
    {
        var done = new TaskCompletionSource<AuctionSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_snapshots.Find(s => s.AuctionId == auctionId && matches(s)) is { } published)
            {
                return Task.FromResult(published);
            }

            _waiters.Add((auctionId, matches, done));
        }

        return done.Task.WaitAsync(Eventually.Timeout);
    }
}
