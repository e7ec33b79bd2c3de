using CompraNet.AuctionGrains.Tenders;
using CompraNet.ProcurementPortal.Features.Procedures;

namespace CompraNet.ProcurementPortal.Pages.Proveedor;

/// <summary>
/// One procedure the supplier sent an offer to, for its home page: before the opening its latest receipt (and
/// whether it is live); after it, the offer as revealed and what the evaluation, auction and award made of it.
/// </summary>
public sealed record SupplierOffer(Procedure Procedure, OwnOffer? Latest, OpenedOffer? Revealed)
{
    public OfferEvaluation? Evaluation(string supplierId) =>
        Procedure.Evaluations.IsDefaultOrEmpty ? null : Procedure.Evaluations.FirstOrDefault(e => e.SupplierId == supplierId);

    public bool InRunningAuction(string supplierId) =>
        Procedure is { Status: ProcedureStatus.Auction, AuctionOutcome: not null } && Evaluation(supplierId)?.Admissible == true;
}
