using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Contracts;
using CompraNet.ProcurementPortal.Features.Execution;
using CompraNet.ProcurementPortal.Features.Interconnection;
using CompraNet.ProcurementPortal.Pages.Shared;
using CompraNet.ProcurementPortal.Web;
using Microsoft.AspNetCore.Mvc;

namespace CompraNet.ProcurementPortal.Pages.Oficial.Contratos;

/// <summary>
/// The contracting unit's view of a contract: the current version with its SHA-256 and signatures, signing it, and
/// proposing amending agreements (new value and/or end date; beyond 20% only with the law's exception and its
/// justification); every version with what it changed. Once signed, its execution: scheduling deliveries and
/// milestones, accepting or rejecting them, approving or returning invoices, the account with its payment orders, and
/// ending the contract. Another unit's official finds nothing here.
/// </summary>
public sealed class DetalleModel(PortalActors actors, ContractService contracts, ExecutionService execution, PaymentStore payments, TimeProvider time, PortalText text)
    : ContractPageModel(actors, contracts, execution, payments, time, text)
{
    [BindProperty]
    public AmendmentForm Amendment { get; set; } = new();

    [BindProperty]
    public ScheduleForm Schedule { get; set; } = new();

    [BindProperty]
    public AcceptForm Accept { get; set; } = new();

    /// <summary>Why a delivery or an invoice is refused (one form posted at a time).</summary>
    [BindProperty]
    public ReasonForm Refusal { get; set; } = new();

    [BindProperty]
    public TerminationForm Termination { get; set; } = new();

    public override string Party => ContractService.BuyerParty;

    protected override string PagePath => "/oficial/contratos";

    /// <summary>An amendment is proposed on an active contract whose latest version is in effect.</summary>
    public bool TakesAmendment => Contract.Status == ContractStatus.Active && Contract.Current.EffectiveAt is not null;

    /// <summary>The value in force not yet scheduled in deliveries.</summary>
    public decimal LeftToSchedule => Contract.Terms.Value - ExecutionRules.Scheduled(Contract);

    public Task<IActionResult> OnPostAmendAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, "amendment", async actor =>
        {
            var unreadable = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (!FormValues.TryDecimal(Amendment.Value, out var value))
            {
                unreadable["value"] = [Text["form.badNumber"]];
            }

            if (!FormValues.TryDay(Amendment.EndDate, out var endDate))
            {
                unreadable["endDate"] = [Text["form.badDay"]];
            }

            // Every item goes in the request in the contract's order, blank ones at their quantity in force, so the
            // service's items[i] errors land on row i of the form.
            var items = new List<AmendmentItemRequest>();
            var current = Contract.Terms.Items;
            for (var i = 0; i < current.Length; i++)
            {
                var typed = Amendment.Quantities.GetValueOrDefault(current[i].Id);
                if (!FormValues.TryDecimal(typed, out var quantity))
                {
                    unreadable[$"items[{i}].quantity"] = [Text["form.badNumber"]];
                }

                items.Add(new AmendmentItemRequest(current[i].Id, quantity ?? current[i].Quantity));
            }

            ThrowIfAny(unreadable);
            var changesItems = Amendment.Quantities.Values.Any(q => !string.IsNullOrWhiteSpace(q));
            var amended = await Contracts.AmendAsync(
                actor, id, new AmendmentRequest(Amendment.Reason, value, endDate, Amendment.Exception, Amendment.Justification, changesItems ? items : null), cancellationToken);
            return Text.Format("contract.amendedNotice", amended.Current.Amendment?.Id ?? "", amended.Current.Number);
        }, cancellationToken);

    public Task<IActionResult> OnPostScheduleAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, "schedule", async actor =>
        {
            var unreadable = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (!FormValues.TryDay(Schedule.DueDate, out var dueDate))
            {
                unreadable["dueDate"] = [Text["form.badDay"]];
            }

            if (!FormValues.TryDecimal(Schedule.Amount, out var amount))
            {
                unreadable["amount"] = [Text["form.badNumber"]];
            }

            ThrowIfAny(unreadable);
            var scheduled = await Execution.ScheduleAsync(actor, id, new ScheduleDeliveryRequest(Blank(Schedule.Kind), Schedule.Description, dueDate, amount), cancellationToken);
            var delivery = scheduled.Deliveries[^1];
            return Text.Format("execution.scheduledNotice", delivery.Id, FormValues.Day(delivery.DueDate));
        }, cancellationToken);

    public Task<IActionResult> OnPostAcceptAsync(string id, string? deliveryId, CancellationToken cancellationToken)
    {
        Posted = deliveryId;
        return ActAsync(id, $"accept[{deliveryId}]", async actor =>
        {
            if (!FormValues.TryDay(Accept.ReceivedOn, out var receivedOn))
            {
                throw PortalValidationException.Of("receivedOn", Text["form.badDay"]);
            }

            var accepted = await Execution.AcceptAsync(actor, id, deliveryId ?? "", new AcceptDeliveryRequest(receivedOn, Accept.Note), cancellationToken);
            var delivery = accepted.Deliveries.First(d => d.Id == deliveryId);
            return delivery.DaysLate == 0
                ? Text.Format("execution.acceptedNotice", delivery.Id)
                : Text.Format("execution.acceptedLateNotice", delivery.Id, delivery.DaysLate, Text.Money(delivery.Penalty, accepted.Currency));
        }, cancellationToken);
    }

    public Task<IActionResult> OnPostRejectDeliveryAsync(string id, string? deliveryId, CancellationToken cancellationToken)
    {
        Posted = deliveryId;
        return ActAsync(id, $"reject[{deliveryId}]", async actor =>
        {
            await Execution.RejectDeliveryAsync(actor, id, deliveryId ?? "", new RejectRequest(Refusal.Reason), cancellationToken);
            return Text.Format("execution.rejectedNotice", deliveryId ?? "");
        }, cancellationToken);
    }

    public Task<IActionResult> OnPostApproveInvoiceAsync(string id, string? invoiceId, CancellationToken cancellationToken)
    {
        Posted = invoiceId;
        return ActAsync(id, $"invoice[{invoiceId}]", async actor =>
        {
            var approved = await Execution.ApproveInvoiceAsync(actor, id, invoiceId ?? "", cancellationToken);
            var order = approved.PaymentOrders[^1];
            return Text.Format("execution.approvedNotice", invoiceId ?? "", order.Id, Text.Money(order.Amount, approved.Currency), FormValues.Day(order.DueDate));
        }, cancellationToken);
    }

    public Task<IActionResult> OnPostRejectInvoiceAsync(string id, string? invoiceId, CancellationToken cancellationToken)
    {
        Posted = invoiceId;
        return ActAsync(id, $"invoice[{invoiceId}]", async actor =>
        {
            await Execution.RejectInvoiceAsync(actor, id, invoiceId ?? "", new RejectRequest(Refusal.Reason), cancellationToken);
            return Text.Format("execution.invoiceRejectedNotice", invoiceId ?? "");
        }, cancellationToken);
    }

    public Task<IActionResult> OnPostTerminateAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, "termination", async actor =>
        {
            if (!FormValues.TryDecimal(Termination.GuaranteeAmount, out var guarantee))
            {
                throw PortalValidationException.Of("guaranteeAmount", Text["form.badNumber"]);
            }

            var ended = await Execution.TerminateAsync(actor, id, new TerminationRequest(Blank(Termination.Kind), Termination.Reason, guarantee), cancellationToken);
            return Text.Format("execution.terminatedNotice", Text["termination." + ended.Termination!.Kind]);
        }, cancellationToken);

    /// <summary>What the form shows for the delivery or invoice <paramref name="itemId"/>: what was typed if it was the one refused, else nothing.</summary>
    public string? Typed(string itemId, string? value) => Posted == itemId ? value : null;

    /// <summary>The performance guarantee, the most a rescission calls.</summary>
    public decimal PerformanceGuarantee => Contract.Guarantees.FirstOrDefault(g => g.Kind == "performance")?.Amount ?? 0m;

    protected override bool IsParty(PortalActor actor, Contract contract) => actor.IsOfficial && actor.ActsFor(contract.UnitId);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void ThrowIfAny(Dictionary<string, string[]> unreadable)
    {
        if (unreadable.Count > 0)
        {
            throw new PortalValidationException(unreadable);
        }
    }
}
