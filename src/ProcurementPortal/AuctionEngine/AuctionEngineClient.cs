using CompraNet.AuctionGrains.Auctions;
using CompraNet.AuctionGrains.Tenders;

namespace CompraNet.ProcurementPortal.AuctionEngine;

/// <summary>
/// The portal's only way into the engine: the sealed-bid tender of a procedure and, after the evaluation, its
/// electronic auction. Works the same co-hosted (embedded) and as an Orleans client of the auction hosts.
/// </summary>
public sealed class AuctionEngineClient(IGrainFactory grains)
{
    public Task<OpenForOffersResult> OpenForOffersAsync(TenderTerms terms, string officer) =>
        Tender(terms.TenderId).OpenForOffersAsync(terms, officer);

    public Task<SubmitOfferResult> SubmitOfferAsync(string tenderId, SubmitOffer offer) => Tender(tenderId).SubmitOfferAsync(offer);

    public Task<WithdrawOfferResult> WithdrawOfferAsync(string tenderId, WithdrawOffer withdrawal) => Tender(tenderId).WithdrawOfferAsync(withdrawal);

    public Task<TenderStatus?> TenderStatusAsync(string tenderId, Viewer viewer) => Tender(tenderId).GetStatusAsync(viewer);

    public Task<OpenOffersResult> OpenOffersAsync(string tenderId, string officer) => Tender(tenderId).OpenOffersAsync(officer);

    public Task<CreateAuctionResult> CreateAuctionAsync(AuctionTerms terms, string officer) =>
        grains.GetGrain<IAuctionGrain>(terms.AuctionId).CreateAsync(terms, officer);

    /// <summary>The auction's full picture (trusted: the portal records the result); null when there is none.</summary>
    public Task<AuctionSnapshot?> AuctionSnapshotAsync(string auctionId) => grains.GetGrain<IAuctionGrain>(auctionId).GetSnapshotAsync();

    private ITenderGrain Tender(string tenderId) => grains.GetGrain<ITenderGrain>(tenderId);
}
