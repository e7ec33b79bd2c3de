namespace CompraNet.ProcurementPortal.Pages.Oficial.Contratos;

/// <summary>A delivery or milestone to schedule, as typed: its kind, what, by when and the value it releases for payment.</summary>
public sealed class ScheduleForm
{
    public string? Kind { get; set; }

    public string? Description { get; set; }

    public string? DueDate { get; set; }

    public string? Amount { get; set; }
}
