namespace CompraNet.AuctionGrains.Auctions;

/// <summary>
/// An admissible bidder invited to the auction. <see cref="InitialPrice"/> is its evaluated offer (null: it enters
/// without one); <see cref="Coefficient"/> is its weighted-ranking K (1 = price only): it ranks by price / K.
/// </summary>
[GenerateSerializer, Immutable, Alias("CompraNet.InvitedBidder")]
public sealed record InvitedBidder(
    [property: Id(0)] string SupplierId,
    [property: Id(1)] decimal? InitialPrice,
    [property: Id(2)] decimal Coefficient);
