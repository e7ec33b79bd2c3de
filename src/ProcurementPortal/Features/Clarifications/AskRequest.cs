namespace CompraNet.ProcurementPortal.Features.Clarifications;

/// <summary>Body of <c>POST /api/procedures/{id}/questions</c>.</summary>
public sealed record AskRequest(string? Question);
