namespace CompraNet.ProcurementPortal.Features.Evaluation;

/// <summary>
/// The official's evaluation of one offer: technically admissible or not (with the reasons), and, when its price is
/// flagged, whether the unit accepts it anyway (<see cref="AcceptFlaggedPrice"/>) and why (<see cref="PriceDecision"/>).
/// </summary>
public sealed record OfferEvaluationRequest(string? SupplierId, bool? Admissible, string? Reasons, bool? AcceptFlaggedPrice, string? PriceDecision);
