namespace CompraNet.ProcurementPortal.Features.Procedures;

/// <summary>The award (fallo): the winner, the amount, when and by whom; a justification when the winner is not first in the ranking.</summary>
public sealed record AwardDecision(string SupplierId, decimal Amount, DateTimeOffset DecidedAt, string DecidedBy, string? Justification);
