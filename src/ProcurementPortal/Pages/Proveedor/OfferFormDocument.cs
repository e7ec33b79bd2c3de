namespace CompraNet.ProcurementPortal.Pages.Proveedor;

/// <summary>One document row of the offer form: its name and the SHA-256 of its bytes, as typed.</summary>
public sealed class OfferFormDocument
{
    public string? Name { get; set; }

    public string? Sha256 { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Sha256);
}
