namespace CompraNet.ProcurementPortal.Pages.Proveedor;

/// <summary>The supplier's report of one delivery, as typed: the day it delivered and a note (remission, guide).</summary>
public sealed class ReportForm
{
    public string? DeliveredOn { get; set; }

    public string? Note { get; set; }
}
