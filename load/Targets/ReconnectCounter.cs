namespace CompraNet.AuctionLoad.Targets;

/// <summary>Counts a run's bidder reconnections (to the next host of <c>--url</c>), shared by all its bidder connections.</summary>
public sealed class ReconnectCounter
{
    private long _reconnects;
    private long _failedAttempts;

    /// <summary>Connections re-established after a drop (each one rejoined its auctions).</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Attempts to connect to a host that failed (the host was gone or not ready); the next host was tried.</summary>
    public long FailedAttempts => Interlocked.Read(ref _failedAttempts);

    public void Reconnected() => Interlocked.Increment(ref _reconnects);

    public void AttemptFailed() => Interlocked.Increment(ref _failedAttempts);
}
