namespace CompraNet.ProcurementPortal.Features.Contracts;

/// <summary>One party's signature of one version: who, when, and the SHA-256 of the document version they signed.</summary>
public sealed record ContractSignature(string Party, string SignedBy, DateTimeOffset SignedAt, string Sha256);
