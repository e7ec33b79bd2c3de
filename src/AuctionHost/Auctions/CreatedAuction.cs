namespace CompraNet.AuctionHost.Auctions;

public sealed record CreatedAuction(string AuctionId);
