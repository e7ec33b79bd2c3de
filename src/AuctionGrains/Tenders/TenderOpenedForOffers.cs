namespace CompraNet.AuctionGrains.Tenders;

/// <summary>The call for offers: the tender's first entry, in clear (its terms are public).</summary>
public sealed record TenderOpenedForOffers(long Sequence, DateTimeOffset At, TenderTerms Terms, string CreatedBy)
    : TenderEvent(Sequence, At)
{
    public const string TypeName = "opened-for-offers";

    public override string Type => TypeName;
}
