namespace CompraNet.ProcurementPortal.Features.Execution;

/// <summary>
/// What the unit orders the treasury to pay for an approved invoice: its amount less the penalties of its deliveries
/// and the advance it amortises, due within 20 calendar days of the invoice's submission (art. 51 LAASSP); or the
/// advance itself (<see cref="InvoiceId"/> <c>anticipo</c>), due 20 days after the contract takes effect. The treasury
/// pays it citing the order's id as the payment's reference.
/// </summary>
public sealed record PaymentOrder(
    string Id,
    string InvoiceId,
    decimal Gross,
    decimal Penalties,
    decimal Amount,
    DateTimeOffset IssuedAt,
    string IssuedBy,
    DateOnly DueDate,
    decimal Amortisation = 0m)
{
    public const string AdvanceInvoice = "anticipo";

    public bool IsAdvance => InvoiceId == AdvanceInvoice;
}
