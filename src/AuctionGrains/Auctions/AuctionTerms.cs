using System.Collections.Immutable;

namespace CompraNet.AuctionGrains.Auctions;

/// <summary>Everything the invitation announces: the auction's immutable parameters.</summary>
[GenerateSerializer, Immutable, Alias("CompraNet.AuctionTerms")]
public sealed record AuctionTerms(
    [property: Id(0)] string AuctionId,
    [property: Id(1)] string ProcedureId,
    [property: Id(2)] string? LotId,
    [property: Id(3)] string Title,
    [property: Id(4)] string Currency,
    [property: Id(5)] AuctionFormat Format,
    [property: Id(6)] decimal CeilingPrice,
    [property: Id(7)] MinStep MinStep,
    [property: Id(8)] decimal? MaxStepPercent,
    [property: Id(9)] TieRule TieRule,
    [property: Id(10)] DateTimeOffset StartsAt,
    [property: Id(11)] DateTimeOffset EndsAt,
    [property: Id(12)] SoftClose? SoftClose,
    [property: Id(13)] FeedbackMode Feedback,
    [property: Id(14)] ImmutableArray<InvitedBidder> Bidders);
