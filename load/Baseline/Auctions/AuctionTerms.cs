namespace CompraNet.Baseline.Auctions;

/// <summary>A validated create request: what the <c>baseline_auction</c> and <c>baseline_bidder</c> rows are made of.</summary>
public sealed record AuctionTerms(
    string AuctionId,
    string ProcedureId,
    string? LotId,
    string Title,
    string Currency,
    decimal CeilingPrice,
    MinStep MinStep,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    IReadOnlyList<InvitedBidder> Bidders);
