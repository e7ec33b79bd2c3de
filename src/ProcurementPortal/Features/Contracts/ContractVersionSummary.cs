namespace CompraNet.ProcurementPortal.Features.Contracts;

/// <summary>A version as listed: its number, terms, amendment, document and signatures, and whether it is in effect.</summary>
public sealed record ContractVersionSummary(int Number, ContractVersion Version, string DocumentUrl, bool InEffect);
