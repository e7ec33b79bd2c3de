using System.Collections.Immutable;

namespace CompraNet.AuctionGrains.Tenders;

/// <summary>
/// One offer as the opening revealed it: who, how much, the item prices and the technical proposal, when it was
/// received and the SHA-256 of the sealed bytes it was kept in until then (the supplier's receipt carries the same).
/// </summary>
[GenerateSerializer, Immutable, Alias("CompraNet.RevealedOffer")]
public sealed record RevealedOffer(
    [property: Id(0)] long Sequence,
    [property: Id(1)] Guid OfferId,
    [property: Id(2)] string SupplierId,
    [property: Id(3)] DateTimeOffset ReceivedAt,
    [property: Id(4)] decimal Total,
    [property: Id(5)] ImmutableArray<OfferItemPrice> Items,
    [property: Id(6)] string? TechnicalProposal,
    [property: Id(7)] ImmutableArray<OfferDocument> Documents,
    [property: Id(8)] string SealedHash);
