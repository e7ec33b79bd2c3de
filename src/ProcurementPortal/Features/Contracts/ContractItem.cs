namespace CompraNet.ProcurementPortal.Features.Contracts;

/// <summary>An item of the contract: the procedure's item with the quantity and the unit price agreed.</summary>
public sealed record ContractItem(string Id, string Description, string Cucop, decimal Quantity, string Unit, decimal UnitPrice);
