namespace CompraNet.AuctionGrains.Tenders;

/// <summary>One of the viewing supplier's own offers: its receipt and what became of it.</summary>
[GenerateSerializer, Immutable, Alias("CompraNet.OwnOffer")]
public sealed record OwnOffer(
    [property: Id(0)] OfferReceipt Receipt,
    [property: Id(1)] OfferState State);
