namespace CompraNet.ProcurementPortal.Features.Procedures;

/// <summary>Body of <c>POST /api/procedures/{id}/cancel</c>: the public reason.</summary>
public sealed record CancelRequest(string? Reason);
