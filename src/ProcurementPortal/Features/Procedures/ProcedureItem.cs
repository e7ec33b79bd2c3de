namespace CompraNet.ProcurementPortal.Features.Procedures;

/// <summary>An item to buy: CUCOP classification, quantity and unit of measure, in a lot when the procedure has lots.</summary>
public sealed record ProcedureItem(string Id, string Description, string Cucop, decimal Quantity, string Unit, string? LotId);
