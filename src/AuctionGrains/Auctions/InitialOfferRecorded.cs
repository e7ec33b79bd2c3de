namespace CompraNet.AuctionGrains.Auctions;

/// <summary>An evaluated offer the auction starts from.</summary>
public sealed record InitialOfferRecorded(long Sequence, DateTimeOffset At, string SupplierId, decimal Amount)
    : AuctionEvent(Sequence, At)
{
    public const string TypeName = "initial-offer";

    public override string Type => TypeName;
}
