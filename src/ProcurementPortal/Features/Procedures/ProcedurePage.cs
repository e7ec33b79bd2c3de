namespace CompraNet.ProcurementPortal.Features.Procedures;

/// <summary>One page of the public search.</summary>
public sealed record ProcedurePage(IReadOnlyList<ProcedureSummary> Items, int Total, int Page, int PageSize);
