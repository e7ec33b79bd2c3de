namespace CompraNet.Baseline.Auctions;

/// <summary>An accepted bid found by its client-chosen bidId.</summary>
public sealed record PriorBid(string AuctionId, string SupplierId, decimal Amount, long Sequence);
