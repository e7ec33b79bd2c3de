namespace CompraNet.Baseline.Auctions;

/// <summary>An auction's phase, decided by the clock alone here (no pause, no cancellation, no soft close).</summary>
public enum AuctionStatus
{
    Scheduled = 0,
    Open = 1,
    Closed = 3,
}
