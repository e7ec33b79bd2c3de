namespace CompraNet.ProcurementPortal.Features.Evaluation;

/// <summary>
/// Body of <c>POST /api/procedures/{id}/evaluation</c>: one entry per opened offer, and when the auction starts
/// (default: in 10 minutes) if it follows.
/// </summary>
public sealed record EvaluationRequest(IReadOnlyList<OfferEvaluationRequest>? Offers, DateTimeOffset? AuctionStartsAt);
