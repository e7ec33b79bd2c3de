using System.Collections.Immutable;
using CompraNet.ProcurementPortal.Features.Contracts;
using CompraNet.ProcurementPortal.Features.Interconnection;

namespace CompraNet.ProcurementPortal.Features.Execution;

/// <summary>
/// The execution's rules, on values only: the penalty for a late delivery (art. 53 LAASSP) capped by the performance
/// guarantee (art. 96 RLAASSP), the payment period (art. 51 LAASSP: 20 calendar days from the invoice) and the
/// account of a contract on a given day.
/// </summary>
public static class ExecutionRules
{
    /// <summary>Calendar days from the invoice's submission to the payment's due date.</summary>
    public const int PaymentDays = 20;

    public const int MinReason = 10;

    public const int MinTerminationReason = 30;

    /// <summary>
    /// The penalty of a delivery accepted <paramref name="daysLate"/> days late: its value × the daily rate × the days,
    /// rounded to cents, and never more than what is left under the contract's cap.
    /// </summary>
    public static decimal Penalty(Contract contract, decimal amount, int daysLate)
    {
        if (daysLate <= 0)
        {
            return 0m;
        }

        var full = decimal.Round(amount * contract.PenaltyPercentPerDay / 100m * daysLate, 2, MidpointRounding.ToEven);
        var left = Math.Max(0m, contract.PenaltyCap - contract.Penalties);
        return Math.Min(full, left);
    }

    public static DateOnly PaymentDueDate(DateTimeOffset invoiceSubmittedAt) =>
        DateOnly.FromDateTime(invoiceSubmittedAt.UtcDateTime).AddDays(PaymentDays);

    /// <summary>What is scheduled and not cancelled: the sum may not pass the value in force.</summary>
    public static decimal Scheduled(Contract contract) =>
        contract.Deliveries.Where(d => d.Status != DeliveryStatus.Cancelled).Sum(d => d.Amount);

    /// <summary>Deliveries billed by an invoice that is not rejected.</summary>
    public static ImmutableHashSet<string> Invoiced(Contract contract) =>
        [.. contract.Invoices.Where(i => i.Status != InvoiceStatus.Rejected).SelectMany(i => i.DeliveryIds)];

    /// <summary>What the treasury paid on the order (payments citing its id).</summary>
    public static decimal PaidOn(PaymentOrder order, IEnumerable<TreasuryPayment> payments) =>
        payments.Where(p => p.Reference == order.Id).Sum(p => p.Amount);

    public static ContractAccount Account(Contract contract, IReadOnlyList<TreasuryPayment> payments, DateOnly today)
    {
        var orders = contract.PaymentOrders.Select(order =>
        {
            var cited = payments.Where(p => p.Reference == order.Id).ToList();
            var paid = cited.Sum(p => p.Amount);
            var outstanding = Math.Max(0m, order.Amount - paid);
            var overdue = outstanding > 0 && today > order.DueDate;
            var status = outstanding == 0 ? "paid" : overdue ? "overdue" : "due";
            return new PaymentOrderState(order, paid, outstanding, status, overdue ? today.DayNumber - order.DueDate.DayNumber : 0,
                outstanding == 0 && cited.Count > 0 ? cited.Max(p => p.PaidAt) : null);
        }).ToImmutableArray();
        var invoiced = contract.Invoices.Where(i => i.Status != InvoiceStatus.Rejected).Sum(i => i.Amount);
        var next = orders.Where(o => o.Status == "due").Select(o => (DateOnly?)o.Order.DueDate).Min();
        return new ContractAccount(
            contract.Id,
            contract.Currency,
            today,
            contract.Terms.Value,
            Scheduled(contract),
            contract.Deliveries.Where(d => d.Status == DeliveryStatus.Accepted).Sum(d => d.Amount),
            invoiced,
            contract.PaymentOrders.Sum(o => o.Amount),
            payments.Sum(p => p.Amount),
            orders.Where(o => o.Status == "due").Sum(o => o.Outstanding),
            orders.Where(o => o.Status == "overdue").Sum(o => o.Outstanding),
            contract.Penalties,
            contract.PenaltyCap,
            contract.Penalties >= contract.PenaltyCap,
            next,
            orders,
            [.. payments],
            contract.Advance,
            contract.AdvanceAmortised);
    }

    /// <summary>
    /// What an invoice of <paramref name="gross"/> amortises of the advance: the advance's percentage of it, or all
    /// that is left when it is the last invoice (every delivery not cancelled is then billed); never more than is left,
    /// nor than the order's amount after penalties.
    /// </summary>
    public static decimal Amortisation(Contract contract, decimal gross, decimal penalties, bool last)
    {
        var left = Math.Max(0m, contract.Advance - contract.AdvanceAmortised);
        var share = last ? left : Math.Min(left, decimal.Round(gross * contract.AdvancePercent / 100m, 2, MidpointRounding.ToEven));
        return Math.Max(0m, Math.Min(share, gross - penalties));
    }
}
