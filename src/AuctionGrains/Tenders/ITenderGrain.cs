using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionGrains.Tenders;

/// <summary>
/// One sealed-bid tender (key: the procedure id, or "procedure~lot" for a lot): takes sealed offers until the
/// deadline, then reveals them all at once in the opening act. Offers are stored only as ciphertext until then.
/// </summary>
public interface ITenderGrain : IGrainWithStringKey
{
    /// <summary>Calls for offers. The same terms again answer as the first call did; other terms are refused as <c>conflict</c>.</summary>
    Task<OpenForOffersResult> OpenForOffersAsync(TenderTerms terms, string officer);

    /// <summary>Seals and journals the offer, replacing the supplier's previous one; durable before the receipt is returned.</summary>
    Task<SubmitOfferResult> SubmitOfferAsync(SubmitOffer offer);

    Task<WithdrawOfferResult> WithdrawOfferAsync(WithdrawOffer withdrawal);

    /// <summary>What <paramref name="viewer"/> may see now; null when no tender has this id.</summary>
    Task<TenderStatus?> GetStatusAsync(Viewer viewer);

    /// <summary>The opening act, once the deadline has come: unseals every live offer at once and journals them.</summary>
    Task<OpenOffersResult> OpenOffersAsync(string officer);
}
