namespace CompraNet.ProcurementPortal.Features.Procedures;

/// <summary>A lot (partida) awarded on its own, with its estimated value.</summary>
public sealed record ProcedureLot(string Id, string Title, decimal EstimatedAmount);
