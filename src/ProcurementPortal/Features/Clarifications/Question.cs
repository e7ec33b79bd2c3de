namespace CompraNet.ProcurementPortal.Features.Clarifications;

/// <summary>A supplier's question about a call and the official's answer. Who asked is never published.</summary>
public sealed record Question(
    string Id,
    string ProcedureId,
    int Number,
    string? SupplierId,
    DateTimeOffset AskedAt,
    string Text,
    string? Answer,
    string? AnsweredBy,
    DateTimeOffset? AnsweredAt)
{
    public bool IsAnswered => Answer is not null;
}
