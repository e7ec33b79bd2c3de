namespace CompraNet.AuctionHost.Realtime;

/// <summary>Live-bidding settings under <c>CompraNet:Realtime</c>.</summary>
public sealed class RealtimeOptions
{
    public const string SectionName = "CompraNet:Realtime";

    /// <summary>Sustained bids per bidder and second, over hub and REST together.</summary>
    public int MaxBidsPerSupplierPerSecond { get; init; } = 20;

    /// <summary>Bids a bidder may send at once before the sustained rate applies.</summary>
    public int BidBurst { get; init; } = 40;
}
