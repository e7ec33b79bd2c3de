namespace CompraNet.AuctionGrains.Tenders;

/// <summary>The price of one item of the requirement in an offer.</summary>
[GenerateSerializer, Immutable, Alias("CompraNet.OfferItemPrice")]
public sealed record OfferItemPrice(
    [property: Id(0)] string ItemId,
    [property: Id(1)] decimal UnitPrice,
    [property: Id(2)] decimal Quantity);
