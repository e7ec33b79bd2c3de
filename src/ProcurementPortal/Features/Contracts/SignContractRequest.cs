namespace CompraNet.ProcurementPortal.Features.Contracts;

/// <summary>A signature: the SHA-256 of the contract text the signer read, which must be the current version's.</summary>
public sealed record SignContractRequest(string? Sha256);
