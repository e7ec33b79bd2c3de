namespace CompraNet.ProcurementPortal.Features.Documents;

/// <summary>One version of a document, as evidence: when, by whom, why, and the SHA-256 of its exact bytes.</summary>
public sealed record DocumentVersion(
    string DocumentId,
    int Version,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    string Note,
    string FileName,
    string ContentType,
    string Sha256,
    long Size);
