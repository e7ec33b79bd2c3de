namespace CompraNet.AuctionGrains.Auctions;

/// <summary>A bid the grain accepted and sequenced.</summary>
public sealed record BidAccepted(long Sequence, DateTimeOffset At, string SupplierId, decimal Amount, Guid BidId, bool Surrogate)
    : AuctionEvent(Sequence, At)
{
    public const string TypeName = "bid-accepted";

    public override string Type => TypeName;
}
