namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>A payment posted by the treasury against a contract: the invoice or payment order, amount, when it was paid, and a key that makes retries safe.</summary>
public sealed record PaymentRequest(string? ContractId, string? Reference, decimal? Amount, DateTimeOffset? PaidAt, string? IdempotencyKey);
