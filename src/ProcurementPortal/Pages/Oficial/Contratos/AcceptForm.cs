namespace CompraNet.ProcurementPortal.Pages.Oficial.Contratos;

/// <summary>The acceptance of one delivery, as typed: the day the unit received it complete, and a note for the record.</summary>
public sealed class AcceptForm
{
    public string? ReceivedOn { get; set; }

    public string? Note { get; set; }
}
