namespace CompraNet.ProcurementPortal.Features.Plans;

/// <summary>A planned purchase to add to a draft plan (form or JSON).</summary>
public sealed record PlanLineRequest(
    string? BudgetKey,
    string? Description,
    string? Cucop,
    decimal? EstimatedAmount,
    string? Currency,
    string? PlannedMethod,
    DateOnly? PlannedStart);
