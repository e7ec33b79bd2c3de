namespace CompraNet.ProcurementPortal.Features.Plans;

/// <summary>Body of <c>POST /api/plans</c>: the fiscal year of the official's unit's new plan.</summary>
public sealed record CreatePlanRequest(int? FiscalYear);
