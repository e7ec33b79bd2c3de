namespace CompraNet.Baseline.Auctions;

public sealed record InvitedBidder(string SupplierId, decimal? InitialPrice);
