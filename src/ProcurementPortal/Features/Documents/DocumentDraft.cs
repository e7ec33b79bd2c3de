namespace CompraNet.ProcurementPortal.Features.Documents;

/// <summary>A new version of a document to store (its id is stable across versions: e.g. <c>{procedureId}/call-for-bids</c>).</summary>
public sealed record DocumentDraft(
    string DocumentId,
    string OwnerType,
    string OwnerId,
    string Kind,
    string Title,
    bool Public,
    string Note,
    string FileName,
    string ContentType,
    byte[] Content);
