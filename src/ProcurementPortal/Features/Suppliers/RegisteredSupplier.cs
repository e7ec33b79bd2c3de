namespace CompraNet.ProcurementPortal.Features.Suppliers;

/// <summary>A supplier in the registry: its account id, legal name, RFC (Mexican tax id) and whether it is an SME (MIPYME).</summary>
public sealed record RegisteredSupplier(string SupplierId, string LegalName, string Rfc, bool IsSme, string Country);
