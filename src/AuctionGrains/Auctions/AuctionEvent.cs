namespace CompraNet.AuctionGrains.Auctions;

/// <summary>
/// Something that happened to an auction, in sequence order. Events are what the rules decide, what the journal
/// stores (one entry each) and what a replay applies to rebuild the book after a restart.
/// </summary>
public abstract record AuctionEvent(long Sequence, DateTimeOffset At)
{
    /// <summary>The journal entry type (PROTOCOL.md).</summary>
    public abstract string Type { get; }
}
