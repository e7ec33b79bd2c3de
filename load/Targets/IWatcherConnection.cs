namespace CompraNet.AuctionLoad.Targets;

/// <summary>A connection that joins one auction as the public and times every pushed view's delivery.</summary>
public interface IWatcherConnection : IAsyncDisposable
{
    Task StartAsync(string auctionId, CancellationToken cancellationToken);

    /// <summary>Tells the server the client is alive (a hub drops clients silent for 30 s); a no-op where the client library does it.</summary>
    Task KeepAliveAsync(CancellationToken cancellationToken);
}
