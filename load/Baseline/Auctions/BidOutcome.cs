namespace CompraNet.Baseline.Auctions;

/// <summary>The answer to the bidder, and the view to push to the auction's group when a new bid was committed.</summary>
public sealed record BidOutcome(BidResult Result, AuctionView? Update);
