namespace CompraNet.AuctionGrains.Auctions;

/// <summary>
/// The auction closed at its (possibly extended) time. <see cref="RefusalCounts"/> counts the refused bids by code
/// since the grain last started: refused bids are counted, never journaled one by one.
/// </summary>
public sealed record AuctionClosed(
    long Sequence, DateTimeOffset At, DateTimeOffset ScheduledAt, IReadOnlyDictionary<string, int> RefusalCounts)
    : AuctionEvent(Sequence, At)
{
    public const string TypeName = "closed";

    public override string Type => TypeName;
}
