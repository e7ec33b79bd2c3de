namespace CompraNet.Baseline.Auctions;

/// <summary>One <c>baseline_auction</c> row, as read (under <c>FOR UPDATE</c> on the bid path).</summary>
public sealed record AuctionRow(
    string Id,
    string ProcedureId,
    string? LotId,
    string Title,
    string Currency,
    decimal CeilingPrice,
    MinStep MinStep,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int BidderCount,
    long Sequence,
    int BidCount,
    decimal? BestPrice)
{
    public AuctionStatus StatusAt(DateTimeOffset now) =>
        now < StartsAt ? AuctionStatus.Scheduled : now < EndsAt ? AuctionStatus.Open : AuctionStatus.Closed;

    public AuctionView ToView(DateTimeOffset now, decimal? myBest = null, int? myRank = null) => new()
    {
        AuctionId = Id,
        ProcedureId = ProcedureId,
        LotId = LotId,
        Title = Title,
        Status = StatusAt(now),
        ServerTime = now,
        StartsAt = StartsAt,
        EndsAt = EndsAt,
        Currency = Currency,
        CeilingPrice = CeilingPrice,
        MinStep = MinStep,
        BidderCount = BidderCount,
        Sequence = Sequence,
        BidCount = BidCount,
        BestPrice = BestPrice,
        MyBest = myBest,
        MyRank = myRank,
    };
}
