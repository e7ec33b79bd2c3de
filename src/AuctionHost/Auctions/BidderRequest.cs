namespace CompraNet.AuctionHost.Auctions;

public sealed record BidderRequest(string? SupplierId, decimal? InitialPrice, decimal? Coefficient);
