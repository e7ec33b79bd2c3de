namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>The amount of a signed contract committed against a budget line.</summary>
public sealed record BudgetCommitment(string Id, string ContractId, string UnitId, string BudgetKey, decimal Amount, DateTimeOffset CommittedAt);
