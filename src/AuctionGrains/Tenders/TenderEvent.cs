namespace CompraNet.AuctionGrains.Tenders;

/// <summary>
/// Something that happened to a tender, in sequence order: what the grain journals (one entry each) and what a
/// replay applies to rebuild the <see cref="TenderBook"/> after a restart.
/// </summary>
public abstract record TenderEvent(long Sequence, DateTimeOffset At)
{
    /// <summary>The journal entry type.</summary>
    public abstract string Type { get; }
}
