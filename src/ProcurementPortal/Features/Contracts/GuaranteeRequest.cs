namespace CompraNet.ProcurementPortal.Features.Contracts;

/// <summary>A guarantee as asked: its instrument (fianza, cheque, carta de crédito, depósito) and amount.</summary>
public sealed record GuaranteeRequest(string? Type, decimal? Amount);
