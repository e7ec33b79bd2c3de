namespace CompraNet.ProcurementPortal.Features.Clarifications;

/// <summary>Body of <c>POST /api/procedures/{id}/questions/{number}/answer</c>.</summary>
public sealed record AnswerRequest(string? Answer);
