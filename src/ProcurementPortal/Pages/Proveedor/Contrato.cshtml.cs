using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Contracts;
using CompraNet.ProcurementPortal.Features.Execution;
using CompraNet.ProcurementPortal.Features.Interconnection;
using CompraNet.ProcurementPortal.Pages.Shared;
using CompraNet.ProcurementPortal.Web;
using Microsoft.AspNetCore.Mvc;

namespace CompraNet.ProcurementPortal.Pages.Proveedor;

/// <summary>
/// The awarded supplier's view of its contract: the current version (the contract, or an amendment the unit
/// proposed) with its SHA-256, to read and sign; every version with what it changed. Once signed, its execution:
/// reporting each delivery (again, after a rejection), invoicing the accepted ones, its invoices and, first of all,
/// when it will be paid: each payment order with its net amount, due date and state. Other suppliers find nothing.
/// </summary>
public sealed class ContratoModel(PortalActors actors, ContractService contracts, ExecutionService execution, PaymentStore payments, TimeProvider time, PortalText text)
    : ContractPageModel(actors, contracts, execution, payments, time, text)
{
    [BindProperty]
    public ReportForm Report { get; set; } = new();

    [BindProperty]
    public InvoiceForm Invoice { get; set; } = new();

    public override string Party => ContractService.SupplierParty;

    protected override string PagePath => "/proveedor/contratos";

    /// <summary>Accepted deliveries on no invoice that is pending or approved: what may be invoiced now.</summary>
    public IReadOnlyList<ContractDelivery> Invoiceable
    {
        get
        {
            var invoiced = ExecutionRules.Invoiced(Contract);
            return [.. Contract.Deliveries.Where(d => d.Status == DeliveryStatus.Accepted && !invoiced.Contains(d.Id))];
        }
    }

    public Task<IActionResult> OnPostReportAsync(string id, string? deliveryId, CancellationToken cancellationToken)
    {
        Posted = deliveryId;
        return ActAsync(id, $"report[{deliveryId}]", async actor =>
        {
            if (!FormValues.TryDay(Report.DeliveredOn, out var deliveredOn))
            {
                throw PortalValidationException.Of("deliveredOn", Text["form.badDay"]);
            }

            await Execution.ReportAsync(actor, id, deliveryId ?? "", new ReportDeliveryRequest(deliveredOn, string.IsNullOrWhiteSpace(Report.Note) ? null : Report.Note), cancellationToken);
            return Text.Format("execution.reportedNotice", deliveryId ?? "");
        }, cancellationToken);
    }

    public Task<IActionResult> OnPostInvoiceAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, "invoice", async actor =>
        {
            if (!FormValues.TryDay(Invoice.IssuedOn, out var issuedOn))
            {
                throw PortalValidationException.Of("issuedOn", Text["form.badDay"]);
            }

            var invoiced = await Execution.InvoiceAsync(actor, id, new InvoiceRequest(Invoice.Folio, [.. Invoice.DeliveryIds], issuedOn), cancellationToken);
            var invoice = invoiced.Invoices[^1];
            return Text.Format("execution.invoicedNotice", invoice.Id, Text.Money(invoice.Amount, invoiced.Currency));
        }, cancellationToken);

    /// <summary>What the report form of <paramref name="deliveryId"/> shows: what was typed if it was the one refused.</summary>
    public string? Typed(string deliveryId, string? value) => Posted == deliveryId ? value : null;

    protected override bool IsParty(PortalActor actor, Contract contract) => actor.IsSupplier && actor.Username == contract.SupplierId;
}
