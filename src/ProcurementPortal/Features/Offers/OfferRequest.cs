namespace CompraNet.ProcurementPortal.Features.Offers;

/// <summary>
/// A supplier's offer (<c>POST /api/procedures/{id}/offers</c>): a fresh <see cref="OfferId"/> per offer (re-sending the
/// same id is safe), a unit price for every item of the call, the technical proposal and its documents' hashes.
/// The total is the sum of unit price × quantity; when given it must match.
/// </summary>
public sealed record OfferRequest(
    Guid? OfferId,
    decimal? Total,
    IReadOnlyList<OfferItemRequest>? Items,
    string? TechnicalProposal,
    IReadOnlyList<OfferDocumentRequest>? Documents);
