namespace CompraNet.ProcurementPortal.Pages.Proveedor;

/// <summary>The supplier's invoice, as typed: its folio fiscal (CFDI UUID), the accepted deliveries it bills and its date.</summary>
public sealed class InvoiceForm
{
    public string? Folio { get; set; }

    public List<string> DeliveryIds { get; set; } = [];

    public string? IssuedOn { get; set; }
}
