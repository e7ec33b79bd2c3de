namespace CompraNet.ProcurementPortal.Pages.Oficial.Contratos;

/// <summary>How the contract ends, as typed: completed, early or rescission, the reason and, on a rescission, the guarantee to call.</summary>
public sealed class TerminationForm
{
    public string? Kind { get; set; }

    public string? Reason { get; set; }

    public string? GuaranteeAmount { get; set; }
}
