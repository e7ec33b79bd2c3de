namespace CompraNet.Baseline.Auctions;

/// <summary>An invited bidder; <c>coefficient</c> is read for compatibility and ignored (ranking is by price only).</summary>
public sealed record BidderRequest(string? SupplierId, decimal? InitialPrice, decimal? Coefficient);
