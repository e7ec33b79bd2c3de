namespace CompraNet.Baseline.Auctions;

/// <summary>The body of <c>POST /api/auctions/{auctionId}/bids</c>; the bidder is the token's subject.</summary>
public sealed record PlaceBidRequest(decimal? Amount, string? BidId, bool? Confirm);
