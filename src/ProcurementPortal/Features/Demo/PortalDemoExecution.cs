using CompraNet.AuctionHost.Accounts;
using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Contracts;
using CompraNet.ProcurementPortal.Features.Execution;
using CompraNet.ProcurementPortal.Features.Procedures;

namespace CompraNet.ProcurementPortal.Features.Demo;

/// <summary>
/// Takes the demo's awarded office-supplies procedure through its contract to the last payment, as its official, its
/// supplier and the treasury would: the contract drawn up and signed by both; an amending agreement (+10% for a third
/// delivery) signed by both; three deliveries (one rejected once, then accepted); an invoice returned for a wrong
/// folio and presented again; payment orders paid by the demo treasury; the finiquito. Each step runs only if the
/// contract has not reached it yet, so a restart carries on where it stopped.
/// </summary>
public sealed class PortalDemoExecution(
    ProcedureStore procedures, ContractService contracts, ContractStore store, ExecutionService execution, PortalDemoTreasury treasury, TimeProvider time,
    ILogger<PortalDemoExecution> logger)
{
    public async Task RunAsync(string procedureId, PortalActor official, CancellationToken cancellationToken)
    {
        if (await procedures.FindAsync(procedureId, cancellationToken) is not { Status: ProcedureStatus.Awarded, Award: { } award })
        {
            return;
        }

        var supplier = new PortalActor(award.SupplierId, Roles.Supplier, null);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var id = Contract.IdFor(procedureId);
        var contract = await store.FindAsync(id, cancellationToken)
            ?? await contracts.CreateAsync(official, procedureId, new CreateContractRequest(today, today.AddDays(59), null, null), cancellationToken);
        contract = await SignAsync(contract, official, supplier, cancellationToken);
        if (contract.Versions.Length == 1)
        {
            contract = await contracts.AmendAsync(official, id, new AmendmentRequest(
                "Ampliación del 10% para surtir 30 planteles incorporados al programa después del fallo.",
                decimal.Round(contract.Original.Value * 1.10m, 2), null, null, null), cancellationToken);
        }

        contract = await SignAsync(contract, official, supplier, cancellationToken);
        if (contract.Deliveries.IsEmpty)
        {
            var half = decimal.Round(contract.Original.Value / 2, 2);
            contract = await execution.ScheduleAsync(official, id, new ScheduleDeliveryRequest(DeliveryStatus.DeliveryKind, "Primera entrega: papel bond para los 300 planteles", today.AddDays(20), half), cancellationToken);
            contract = await execution.ScheduleAsync(official, id, new ScheduleDeliveryRequest(DeliveryStatus.DeliveryKind, "Segunda entrega: artículos de escritura", today.AddDays(40), contract.Original.Value - half), cancellationToken);
            contract = await execution.ScheduleAsync(official, id, new ScheduleDeliveryRequest(DeliveryStatus.DeliveryKind, "Tercera entrega (convenio modificatorio): útiles para 30 planteles más", today.AddDays(50),
                contract.Terms.Value - contract.Original.Value), cancellationToken);
        }

        contract = await DeliverAsync(contract, "E1", official, supplier, reject: null, cancellationToken);
        contract = await DeliverAsync(contract, "E2", official, supplier, reject: "120 cajas de bolígrafos llegaron con tinta negra en lugar de azul.", cancellationToken);
        contract = await DeliverAsync(contract, "E3", official, supplier, reject: null, cancellationToken);
        contract = await InvoiceAsync(contract, "3F2504E0-4F89-11D3-9A0C-0305E82C3301", ["E1"], official, supplier, returnIt: null, cancellationToken);
        contract = await InvoiceAsync(contract, "3F2504E0-4F89-11D3-9A0C-0305E82C3302", ["E2", "E3"], official, supplier, returnIt: "El RFC del receptor no corresponde a la Secretaría de Educación Federal.", cancellationToken);
        contract = await InvoiceAsync(contract, "3F2504E0-4F89-11D3-9A0C-0305E82C3303", ["E2", "E3"], official, supplier, returnIt: null, cancellationToken);
        await treasury.PayDueOrdersAsync(contract, TimeSpan.Zero, cancellationToken);
        if (contract.Termination is null)
        {
            await execution.TerminateAsync(official, id, new TerminationRequest(TerminationKinds.Completed, "Entregas completas, aceptadas y pagadas: finiquito del contrato.", null), cancellationToken);
            logger.LogInformation("Demo: {ContractId} delivered, paid and closed.", id);
        }
    }

    /// <summary>Signs the current version by whichever party has not signed it.</summary>
    private async Task<Contract> SignAsync(Contract contract, PortalActor official, PortalActor supplier, CancellationToken cancellationToken)
    {
        foreach (var (actor, party) in new[] { (official, ContractService.BuyerParty), (supplier, ContractService.SupplierParty) })
        {
            if (contract.Current.EffectiveAt is null && !contract.Current.Signatures.Any(s => s.Party == party))
            {
                contract = await contracts.SignAsync(actor, contract.Id, new SignContractRequest(contract.Current.Sha256), cancellationToken);
            }
        }

        return contract;
    }

    private async Task<Contract> DeliverAsync(Contract contract, string deliveryId, PortalActor official, PortalActor supplier, string? reject, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var delivery = contract.Deliveries.First(d => d.Id == deliveryId);
        if (delivery.Status == DeliveryStatus.Accepted)
        {
            return contract;
        }

        if (delivery.Status is DeliveryStatus.Scheduled or DeliveryStatus.Rejected)
        {
            contract = await execution.ReportAsync(supplier, contract.Id, deliveryId, new ReportDeliveryRequest(today, "Entregado en el almacén central con remisión firmada."), cancellationToken);
        }

        if (reject is not null && delivery.Rejections == 0)
        {
            await execution.RejectDeliveryAsync(official, contract.Id, deliveryId, new RejectRequest(reject), cancellationToken);
            contract = await execution.ReportAsync(supplier, contract.Id, deliveryId, new ReportDeliveryRequest(today, "Reposición de lo rechazado."), cancellationToken);
        }

        return await execution.AcceptAsync(official, contract.Id, deliveryId, new AcceptDeliveryRequest(today, "Recibido completo y conforme a la convocatoria."), cancellationToken);
    }

    private async Task<Contract> InvoiceAsync(
        Contract contract, string folio, string[] deliveryIds, PortalActor official, PortalActor supplier, string? returnIt, CancellationToken cancellationToken)
    {
        if (contract.Invoices.FirstOrDefault(i => i.Folio == folio) is not { } invoice)
        {
            if (deliveryIds.Any(ExecutionRules.Invoiced(contract).Contains))
            {
                return contract;
            }

            contract = await execution.InvoiceAsync(supplier, contract.Id, new InvoiceRequest(folio, [.. deliveryIds], DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)), cancellationToken);
            invoice = contract.Invoices[^1];
        }

        return invoice.Status != InvoiceStatus.Submitted ? contract
            : returnIt is null ? await execution.ApproveInvoiceAsync(official, contract.Id, invoice.Id, cancellationToken)
            : await execution.RejectInvoiceAsync(official, contract.Id, invoice.Id, new RejectRequest(returnIt), cancellationToken);
    }
}
