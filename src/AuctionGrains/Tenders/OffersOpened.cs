using System.Collections.Immutable;

namespace CompraNet.AuctionGrains.Tenders;

/// <summary>The opening act: every live offer revealed, in the order received, plus how many were withdrawn or replaced.</summary>
public sealed record OffersOpened(long Sequence, DateTimeOffset At, string OpenedBy, ImmutableArray<RevealedOffer> Offers, int WithdrawnOffers, int ReplacedOffers)
    : TenderEvent(Sequence, At)
{
    public const string TypeName = "opened";

    public override string Type => TypeName;
}
