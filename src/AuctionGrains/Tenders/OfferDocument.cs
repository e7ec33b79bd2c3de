namespace CompraNet.AuctionGrains.Tenders;

/// <summary>A document of an offer, by name and the SHA-256 (64 hex digits) the supplier computed over its bytes.</summary>
[GenerateSerializer, Immutable, Alias("CompraNet.OfferDocument")]
public sealed record OfferDocument(
    [property: Id(0)] string Name,
    [property: Id(1)] string Sha256);
