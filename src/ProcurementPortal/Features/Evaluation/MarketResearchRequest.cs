namespace CompraNet.ProcurementPortal.Features.Evaluation;

/// <summary>Body of <c>PUT /api/procedures/{id}/market-research</c>: the quotes found (1 to 20).</summary>
public sealed record MarketResearchRequest(IReadOnlyList<QuoteRequest>? Quotes);
