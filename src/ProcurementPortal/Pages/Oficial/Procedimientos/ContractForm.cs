namespace CompraNet.ProcurementPortal.Pages.Oficial.Procedimientos;

/// <summary>
/// The contract form as typed: its period, guarantees (the advance-payment one left blank when there is no advance),
/// the daily penalty for late delivery and the advance in percent (blank: the default penalty, no advance).
/// </summary>
public sealed class ContractForm
{
    public string? StartDate { get; set; }

    public string? EndDate { get; set; }

    public string? PerformanceType { get; set; } = "fianza";

    public string? PerformanceAmount { get; set; }

    public string? AdvanceType { get; set; }

    public string? AdvanceAmount { get; set; }

    public string? PenaltyPercentPerDay { get; set; }

    public string? AdvancePercent { get; set; }
}
