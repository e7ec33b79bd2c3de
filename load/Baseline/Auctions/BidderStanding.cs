namespace CompraNet.Baseline.Auctions;

/// <summary>The bidder's row as read under the auction's lock: absent means not invited; <c>Best</c> null means no offer yet.</summary>
public sealed record BidderStanding(bool Invited, decimal? Best);
