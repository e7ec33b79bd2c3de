namespace CompraNet.AuctionGrains.Auctions;

/// <summary>An accepted bid as the officers' chart plots it.</summary>
[GenerateSerializer, Immutable, Alias("CompraNet.BidPoint")]
public sealed record BidPoint(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string SupplierId,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] decimal Score,
    [property: Id(4)] DateTimeOffset At);
