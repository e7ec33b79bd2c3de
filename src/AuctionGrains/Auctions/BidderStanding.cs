namespace CompraNet.AuctionGrains.Auctions;

/// <summary>
/// A bidder's current best offer. Immutable: the book replaces it when the bidder improves, so snapshots can share it.
/// <see cref="Amount"/> is null while the bidder has neither an initial offer nor a bid.
/// </summary>
[GenerateSerializer, Immutable, Alias("CompraNet.BidderStanding")]
public sealed record BidderStanding(
    [property: Id(0)] string SupplierId,
    [property: Id(1)] string Label,
    [property: Id(2)] decimal Coefficient,
    [property: Id(3)] decimal? Amount,
    [property: Id(4)] long Sequence,
    [property: Id(5)] DateTimeOffset? At,
    [property: Id(6)] int BidCount)
{
    /// <summary>The weighted score shown to people (price / K, to the cent); ranking itself never uses this rounded value.</summary>
    public decimal? Score => Amount is { } amount ? WeightedScore.Display(amount, Coefficient) : null;
}
