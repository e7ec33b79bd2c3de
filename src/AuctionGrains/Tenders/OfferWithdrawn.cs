namespace CompraNet.AuctionGrains.Tenders;

/// <summary>
/// A supplier withdrew its live offer (the one journaled at <see cref="OfferSequence"/>). Who withdrew which offer id
/// is sealed in <see cref="Sealed"/>; in clear only the pseudonym, as for the offer.
/// </summary>
public sealed record OfferWithdrawn(long Sequence, DateTimeOffset At, string Bidder, long OfferSequence, string Sealed, string SealedHash)
    : TenderEvent(Sequence, At)
{
    public const string TypeName = "offer-withdrawn";

    public override string Type => TypeName;
}
