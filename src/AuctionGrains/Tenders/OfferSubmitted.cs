namespace CompraNet.AuctionGrains.Tenders;

/// <summary>
/// A sealed offer: the ciphertext (base64) and its SHA-256, the supplier only as its per-tender
/// <see cref="ITenderSealer.Pseudonym"/> (<see cref="Bidder"/>), and the sequence of the same supplier's offer it
/// replaces. Amounts, items, technical text and the supplier id are inside <see cref="Sealed"/>.
/// </summary>
public sealed record OfferSubmitted(long Sequence, DateTimeOffset At, Guid OfferId, string Bidder, string Sealed, string SealedHash, long? Replaces)
    : TenderEvent(Sequence, At)
{
    public const string TypeName = "offer-submitted";

    public override string Type => TypeName;
}
