namespace CompraNet.ProcurementPortal.Features.Offers;

/// <summary>A document of the offer, by name and the SHA-256 of its bytes (the bytes stay with the supplier until requested).</summary>
public sealed record OfferDocumentRequest(string? Name, string? Sha256);
