using System.Collections.Immutable;

namespace CompraNet.ProcurementPortal.Features.Contracts;

/// <summary>
/// One version of the contract: version 1 is the contract as drawn up from the award, each later one an amendment.
/// Its text is a document version (<see cref="DocumentId"/>, <see cref="DocumentVersion"/>, <see cref="Sha256"/>); it
/// takes effect (<see cref="EffectiveAt"/>) once both parties have signed that exact text, with the OCDS release that
/// publishes it (<see cref="ReleaseId"/>).
/// </summary>
public sealed record ContractVersion(
    int Number,
    ContractTerms Terms,
    ContractAmendment? Amendment,
    string DocumentId,
    int DocumentVersion,
    string Sha256,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    ImmutableArray<ContractSignature> Signatures,
    DateTimeOffset? EffectiveAt,
    string? ReleaseId = null);
