namespace CompraNet.ProcurementPortal.Features.Execution;

/// <summary>
/// What the unit orders the treasury to pay for an approved invoice: its amount less the penalties of its deliveries,
/// due within 20 calendar days of the invoice's submission (art. 51 LAASSP). The treasury pays it citing the order's
/// id as the payment's reference.
/// </summary>
public sealed record PaymentOrder(
    string Id,
    string InvoiceId,
    decimal Gross,
    decimal Penalties,
    decimal Amount,
    DateTimeOffset IssuedAt,
    string IssuedBy,
    DateOnly DueDate);
