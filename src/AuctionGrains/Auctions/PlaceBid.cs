namespace CompraNet.AuctionGrains.Auctions;

/// <summary>A bid. <see cref="SupplierId"/> is always the authenticated caller, set by the host from the credential.</summary>
[GenerateSerializer, Immutable, Alias("CompraNet.PlaceBid")]
public sealed record PlaceBid(
    [property: Id(0)] string SupplierId,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] Guid BidId,
    [property: Id(3)] bool Confirm);
