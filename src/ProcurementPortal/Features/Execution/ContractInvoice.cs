using System.Collections.Immutable;

namespace CompraNet.ProcurementPortal.Features.Execution;

/// <summary>
/// The supplier's invoice (CFDI, by its folio fiscal) for accepted deliveries, at their value. The unit approves it,
/// issuing a payment order, or rejects it with its reason (a corrected invoice starts the payment period again).
/// </summary>
public sealed record ContractInvoice(
    string Id,
    string Folio,
    ImmutableArray<string> DeliveryIds,
    decimal Amount,
    DateOnly IssuedOn,
    DateTimeOffset SubmittedAt,
    string SubmittedBy,
    string Status,
    DateTimeOffset? DecidedAt = null,
    string? DecidedBy = null,
    string? RejectionReason = null,
    string? PaymentOrderId = null);
