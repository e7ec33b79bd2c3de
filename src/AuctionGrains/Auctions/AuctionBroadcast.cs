namespace CompraNet.AuctionGrains.Auctions;

/// <summary>One update's views for every audience: the public, the officers, and each invited bidder.</summary>
public sealed record AuctionBroadcast(
    string AuctionId,
    bool Closed,
    AuctionView Public,
    AuctionView Officer,
    IReadOnlyList<KeyValuePair<string, AuctionView>> Suppliers);
