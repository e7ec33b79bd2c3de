namespace CompraNet.AuctionGrains.Tenders;

/// <summary>
/// The supplier's proof of submission (acuse de recibo): when the offer was received (server time), its place in the
/// tender's journal, and the SHA-256 of the sealed bytes stored; the minutes of the opening list the same hash
/// beside the revealed offer.
/// </summary>
[GenerateSerializer, Immutable, Alias("CompraNet.OfferReceipt")]
public sealed record OfferReceipt(
    [property: Id(0)] string TenderId,
    [property: Id(1)] Guid OfferId,
    [property: Id(2)] long Sequence,
    [property: Id(3)] DateTimeOffset ReceivedAt,
    [property: Id(4)] string SealedHash);
