namespace CompraNet.AuctionGrains.Auctions;

/// <summary>What the book remembers of an accepted bid so the same bidId returns the original result.</summary>
public sealed record AcceptedBid(string SupplierId, decimal Amount, long Sequence, DateTimeOffset At, int RankAfter);
