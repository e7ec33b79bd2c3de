using System.Collections.Immutable;

namespace CompraNet.ProcurementPortal.Features.Procedures;

/// <summary>The electronic auction of a procedure: its id in the engine, when it runs, and its result once closed (best price per bidder, in rank order).</summary>
public sealed record AuctionOutcome(string AuctionId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, ImmutableArray<RankedBidder> Ranking, DateTimeOffset? ClosedAt, int BidCount);
