using System.Collections.Immutable;

namespace CompraNet.AuctionGrains.Tenders;

/// <summary>
/// A supplier's sealed offer. <see cref="SupplierId"/> is the caller's identity as the host established it from the
/// credential; <see cref="OfferId"/> makes a retry safe (the same id returns the same receipt). Submitting again
/// with a fresh id replaces the supplier's previous offer.
/// </summary>
[GenerateSerializer, Immutable, Alias("CompraNet.SubmitOffer")]
public sealed record SubmitOffer(
    [property: Id(0)] string SupplierId,
    [property: Id(1)] Guid OfferId,
    [property: Id(2)] decimal Total,
    [property: Id(3)] ImmutableArray<OfferItemPrice> Items,
    [property: Id(4)] string? TechnicalProposal,
    [property: Id(5)] ImmutableArray<OfferDocument> Documents);
