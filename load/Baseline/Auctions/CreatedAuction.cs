namespace CompraNet.Baseline.Auctions;

public sealed record CreatedAuction(string AuctionId);
