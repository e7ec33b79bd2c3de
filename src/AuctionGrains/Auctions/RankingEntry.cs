namespace CompraNet.AuctionGrains.Auctions;

/// <summary>A line of the final ranking, published to everyone at the close.</summary>
[GenerateSerializer, Immutable, Alias("CompraNet.RankingEntry")]
public sealed record RankingEntry(
    [property: Id(0)] int Rank,
    [property: Id(1)] string SupplierId,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] decimal Score);
