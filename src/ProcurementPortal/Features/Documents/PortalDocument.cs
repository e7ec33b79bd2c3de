namespace CompraNet.ProcurementPortal.Features.Documents;

/// <summary>A document of a procedure or plan with every version it ever had (oldest first); nothing is deleted.</summary>
public sealed record PortalDocument(
    string Id,
    string OwnerType,
    string OwnerId,
    string Kind,
    string Title,
    bool Public,
    DateTimeOffset CreatedAt,
    IReadOnlyList<DocumentVersion> Versions)
{
    public DocumentVersion Latest => Versions[^1];
}
