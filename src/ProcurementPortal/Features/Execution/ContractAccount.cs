using System.Collections.Immutable;
using CompraNet.ProcurementPortal.Features.Interconnection;

namespace CompraNet.ProcurementPortal.Features.Execution;

/// <summary>
/// A contract's money on a given day: its value in force, what was accepted, invoiced, ordered and paid, what is due
/// (ordered, unpaid, not yet late) and overdue (unpaid after the order's due date), the penalties against their cap,
/// and each payment order with its state, so the supplier knows when it will be paid; with an advance, its amount and
/// what the invoices have amortised of it.
/// </summary>
public sealed record ContractAccount(
    string ContractId,
    string Currency,
    DateOnly AsOf,
    decimal Value,
    decimal Scheduled,
    decimal Accepted,
    decimal Invoiced,
    decimal Ordered,
    decimal Paid,
    decimal Due,
    decimal Overdue,
    decimal Penalties,
    decimal PenaltyCap,
    bool PenaltyCapReached,
    DateOnly? NextPaymentDue,
    ImmutableArray<PaymentOrderState> Orders,
    ImmutableArray<TreasuryPayment> Payments,
    decimal Advance = 0m,
    decimal AdvanceAmortised = 0m);

/// <summary>A payment order on the account's day: <c>paid</c>, <c>due</c> (by <see cref="PaymentOrder.DueDate"/>) or <c>overdue</c>.</summary>
public sealed record PaymentOrderState(PaymentOrder Order, decimal Paid, decimal Outstanding, string Status, int DaysOverdue, DateTimeOffset? PaidAt);
