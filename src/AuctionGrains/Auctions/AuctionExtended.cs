namespace CompraNet.AuctionGrains.Auctions;

/// <summary>A bid in the soft-close window moved the close; <see cref="TriggeredBy"/> is that bid's sequence.</summary>
public sealed record AuctionExtended(
    long Sequence, DateTimeOffset At, DateTimeOffset PreviousEndsAt, DateTimeOffset EndsAt, int Extension, long TriggeredBy)
    : AuctionEvent(Sequence, At)
{
    public const string TypeName = "extended";

    public override string Type => TypeName;
}
