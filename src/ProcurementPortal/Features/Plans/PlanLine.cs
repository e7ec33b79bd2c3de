namespace CompraNet.ProcurementPortal.Features.Plans;

/// <summary>
/// One planned purchase of an annual plan: its budget line (partida), what is bought (CUCOP), the estimated amount,
/// the procedure planned and the month it should start. <paramref name="Committed"/>: the estimates of the procedures
/// started from it (cancelled ones excluded).
/// </summary>
public sealed record PlanLine(
    int LineNo,
    string BudgetKey,
    string Description,
    string Cucop,
    decimal EstimatedAmount,
    string Currency,
    string PlannedMethod,
    DateOnly PlannedStart,
    decimal Committed)
{
    public decimal Available => EstimatedAmount - Committed;
}
