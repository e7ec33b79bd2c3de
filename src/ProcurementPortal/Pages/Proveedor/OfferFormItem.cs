namespace CompraNet.ProcurementPortal.Pages.Proveedor;

/// <summary>One item of the call in the offer form: its id (hidden) and the unit price as typed.</summary>
public sealed class OfferFormItem
{
    public string? ItemId { get; set; }

    public string? UnitPrice { get; set; }
}
