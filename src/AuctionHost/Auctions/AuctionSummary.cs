using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionHost.Auctions;

/// <summary>A line of the public auction list. The close shown is the scheduled one; the auction's view has the live close.</summary>
public sealed record AuctionSummary(
    string AuctionId, string ProcedureId, string? LotId, string Title, string Currency,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, AuctionStatus Status);
