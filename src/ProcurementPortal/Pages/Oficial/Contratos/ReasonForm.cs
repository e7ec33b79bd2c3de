namespace CompraNet.ProcurementPortal.Pages.Oficial.Contratos;

/// <summary>Why a delivery or an invoice is refused.</summary>
public sealed class ReasonForm
{
    public string? Reason { get; set; }
}
