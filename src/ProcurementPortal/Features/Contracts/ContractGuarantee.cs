namespace CompraNet.ProcurementPortal.Features.Contracts;

/// <summary>A guarantee the supplier gives: <c>performance</c> (cumplimiento) or <c>advancePayment</c> (anticipo), its instrument and amount.</summary>
public sealed record ContractGuarantee(string Kind, string Type, decimal Amount);
