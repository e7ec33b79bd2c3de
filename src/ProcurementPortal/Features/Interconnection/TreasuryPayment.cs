namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>
/// A recorded payment. <paramref name="ContractVerified"/>: whether the contract id is one of the portal's contracts
/// (the reference is stored as given either way).
/// </summary>
public sealed record TreasuryPayment(
    string Id,
    string ClientId,
    string IdempotencyKey,
    string ContractId,
    string Reference,
    decimal Amount,
    DateTimeOffset PaidAt,
    DateTimeOffset RecordedAt,
    bool ContractVerified);
