namespace CompraNet.AuctionHost.Realtime;

/// <summary>Live-bidding settings under <c>CompraNet:Realtime</c>.</summary>
public sealed class RealtimeOptions
{
    public const string SectionName = "CompraNet:Realtime";

    /// <summary>Sustained bids per bidder and second, over hub and REST together.</summary>
    public int MaxBidsPerSupplierPerSecond { get; init; } = 20;

    /// <summary>Bids a bidder may send at once before the sustained rate applies.</summary>
    public int BidBurst { get; init; } = 40;

    /// <summary>
    /// The shortest time between two pushes of one auction's views. Zero pushes after every durable write; a
    /// positive interval coalesces the writes in between (views are state, so the latest one says it all) and bounds
    /// the push work of a hot auction, whatever its bid rate. Each bidder's own acknowledgement is never delayed.
    /// </summary>
    public TimeSpan BroadcastInterval { get; init; } = TimeSpan.Zero;
}
