namespace CompraNet.ProcurementPortal.Features.Evaluation;

/// <summary>Body of <c>POST /api/procedures/{id}/award</c>: the winner (default: first in the ranking) and, for anyone else, the justification.</summary>
public sealed record AwardRequest(string? SupplierId, string? Justification);
