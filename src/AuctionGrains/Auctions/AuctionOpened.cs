namespace CompraNet.AuctionGrains.Auctions;

/// <summary>The auction started taking bids; <see cref="ScheduledAt"/> is the announced start.</summary>
public sealed record AuctionOpened(long Sequence, DateTimeOffset At, DateTimeOffset ScheduledAt, DateTimeOffset EndsAt)
    : AuctionEvent(Sequence, At)
{
    public const string TypeName = "opened";

    public override string Type => TypeName;
}
