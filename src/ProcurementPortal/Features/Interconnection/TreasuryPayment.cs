namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>
/// A recorded payment. <paramref name="ContractVerified"/> is false while the contracts registry is not there to check
/// the contract id against: the reference is stored as given.
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
