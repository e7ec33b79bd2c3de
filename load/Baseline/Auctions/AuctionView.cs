namespace CompraNet.Baseline.Auctions;

/// <summary>
/// The engine's common view fields plus the best price; <c>myBest</c> and <c>myRank</c> only in a bidder's own bid
/// result. One view for everyone: the measuring stick keeps no per-audience privacy.
/// </summary>
public sealed record AuctionView
{
    public required string AuctionId { get; init; }
    public required string ProcedureId { get; init; }
    public string? LotId { get; init; }
    public required string Title { get; init; }
    public required AuctionStatus Status { get; init; }
    public required DateTimeOffset ServerTime { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
    public int Extensions { get; init; }
    public required string Currency { get; init; }
    public required decimal CeilingPrice { get; init; }
    public required MinStep MinStep { get; init; }
    public required int BidderCount { get; init; }
    public required long Sequence { get; init; }
    public required int BidCount { get; init; }
    public decimal? BestPrice { get; init; }
    public decimal? MyBest { get; init; }
    public int? MyRank { get; init; }
}
