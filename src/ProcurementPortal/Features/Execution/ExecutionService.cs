using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Contracts;
using CompraNet.ProcurementPortal.Features.Documents;
using CompraNet.ProcurementPortal.Features.Interconnection;
using CompraNet.ProcurementPortal.Features.Procedures;
using CompraNet.ProcurementPortal.Features.Publication;
using CompraNet.ProcurementPortal.Persistence;

namespace CompraNet.ProcurementPortal.Features.Execution;

/// <summary>
/// The contract in force until its end: the unit schedules deliveries and milestones, the supplier reports them, the
/// unit accepts them (late ones carry the penalty) or rejects them; the supplier invoices what was accepted, the unit
/// approves the invoice into a payment order for the treasury, or rejects it; the contract ends completed, early or
/// rescinded (calling the performance guarantee). Each step saves the contract, its timeline entry, its documents, its
/// OCDS release and its webhook event in one transaction.
/// </summary>
public sealed partial class ExecutionService(
    PortalDb db, ContractStore contracts, ProcedureStore procedures, ProcedureService procedureService, DocumentStore documents,
    ReleasePublisher publisher, PaymentStore payments, IPortalEvents events, TimeProvider time)
{
    public async Task<Contract> ScheduleAsync(PortalActor actor, string contractId, ScheduleDeliveryRequest request, CancellationToken cancellationToken = default)
    {
        var contract = await RequireForUnitAsync(actor, contractId, cancellationToken);
        RequireInForce(contract);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var kind = request.Kind ?? DeliveryStatus.DeliveryKind;
        if (kind is not (DeliveryStatus.DeliveryKind or DeliveryStatus.MilestoneKind))
        {
            errors["kind"] = ["The kind is 'delivery' (goods) or 'milestone' (a stage of a service)."];
        }

        if (string.IsNullOrWhiteSpace(request.Description) || request.Description.Trim().Length is < 5 or > 500)
        {
            errors["description"] = ["Describe what is delivered (5 to 500 characters)."];
        }

        var terms = contract.Terms;
        if (request.DueDate is not { } due || due < terms.StartDate || due > terms.EndDate)
        {
            errors["dueDate"] = [$"Give the due date, within the contract's period ({terms.StartDate:yyyy-MM-dd} to {terms.EndDate:yyyy-MM-dd})."];
        }

        var left = terms.Value - ExecutionRules.Scheduled(contract);
        if (request.Amount is not { } amount || !Money.IsValidAmount(amount))
        {
            errors["amount"] = ["Give the value the delivery releases for payment: more than zero, at most two decimals."];
        }
        else if (amount > left)
        {
            errors["amount"] = [string.Create(CultureInfo.InvariantCulture, $"The deliveries together may not exceed the contract's value ({terms.Value:0.00} {contract.Currency}): {left:0.00} is left to schedule.")];
        }

        if (errors.Count > 0)
        {
            throw new PortalValidationException(errors);
        }

        var now = time.GetUtcNow();
        var delivery = new ContractDelivery($"E{contract.Deliveries.Length + 1}", kind, request.Description!.Trim(), request.DueDate!.Value, request.Amount!.Value,
            DeliveryStatus.Scheduled, now, actor.Username);
        var changed = contract with { Deliveries = contract.Deliveries.Add(delivery) };
        return await SaveAsync(changed, actor, now, "delivery-scheduled",
            string.Create(CultureInfo.InvariantCulture, $"Contrato {contract.Id}: {(kind == DeliveryStatus.DeliveryKind ? "entrega" : "hito")} {delivery.Id} programado para el {delivery.DueDate:yyyy-MM-dd} por {delivery.Amount:0.00} {contract.Currency}: {delivery.Description}"),
            publish: true, cancellationToken: cancellationToken);
    }

    public async Task<Contract> ReportAsync(PortalActor actor, string contractId, string deliveryId, ReportDeliveryRequest request, CancellationToken cancellationToken = default)
    {
        var contract = await RequireForSupplierAsync(actor, contractId, cancellationToken);
        RequireInForce(contract);
        var (index, delivery) = Delivery(contract, deliveryId);
        if (delivery.Status is not (DeliveryStatus.Scheduled or DeliveryStatus.Rejected))
        {
            throw new PortalConflictException("not-pending", $"Delivery {deliveryId} is {delivery.Status}: only a scheduled or rejected delivery is reported.");
        }

        var today = Today();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.DeliveredOn is not { } on || on > today || on < contract.Terms.StartDate)
        {
            errors["deliveredOn"] = [$"Give the day you delivered: from the contract's start ({contract.Terms.StartDate:yyyy-MM-dd}) to today."];
        }

        if (request.Note is { Length: > 1000 })
        {
            errors["note"] = ["The note is at most 1,000 characters."];
        }

        if (errors.Count > 0)
        {
            throw new PortalValidationException(errors);
        }

        var now = time.GetUtcNow();
        var reported = delivery with { Status = DeliveryStatus.Reported, ReportedOn = request.DeliveredOn, ReportNote = request.Note?.Trim() };
        var changed = contract with { Deliveries = contract.Deliveries.SetItem(index, reported) };
        return await SaveAsync(changed, actor, now, "delivery-reported",
            string.Create(CultureInfo.InvariantCulture, $"Contrato {contract.Id}: el proveedor informa la entrega {deliveryId} el {request.DeliveredOn:yyyy-MM-dd}; pendiente de aceptación."),
            publish: false, cancellationToken: cancellationToken);
    }

    public async Task<Contract> AcceptAsync(PortalActor actor, string contractId, string deliveryId, AcceptDeliveryRequest request, CancellationToken cancellationToken = default)
    {
        var contract = await RequireForUnitAsync(actor, contractId, cancellationToken);
        RequireInForce(contract);
        var (index, delivery) = Delivery(contract, deliveryId);
        if (delivery.Status is not (DeliveryStatus.Scheduled or DeliveryStatus.Reported))
        {
            throw new PortalConflictException("not-pending", delivery.Status == DeliveryStatus.Rejected
                ? $"Delivery {deliveryId} was rejected: the supplier delivers again and reports it before it is accepted."
                : $"Delivery {deliveryId} is {delivery.Status}.");
        }

        var today = Today();
        var earliest = delivery.ReportedOn ?? contract.Terms.StartDate;
        if (request.ReceivedOn is not { } received || received > today || received < earliest)
        {
            throw PortalValidationException.Of("receivedOn", $"Give the day the unit received it complete: from {earliest:yyyy-MM-dd} to today.");
        }

        if (request.Note is { Length: > 1000 })
        {
            throw PortalValidationException.Of("note", "The note is at most 1,000 characters.");
        }

        var now = time.GetUtcNow();
        var daysLate = Math.Max(0, received.DayNumber - delivery.DueDate.DayNumber);
        var penalty = Math.Min(delivery.Amount, ExecutionRules.Penalty(contract, delivery.Amount, daysLate));
        var documentId = $"{contract.Id}-{delivery.Id}-acta";
        var accepted = delivery with
        {
            Status = DeliveryStatus.Accepted,
            ReceivedOn = received,
            DecidedAt = now,
            DecidedBy = actor.Username,
            RejectionReason = null,
            DaysLate = daysLate,
            Penalty = penalty,
            AcceptanceDocumentId = documentId,
        };
        var changed = contract with { Deliveries = contract.Deliveries.SetItem(index, accepted) };
        var late = daysLate == 0
            ? "en tiempo"
            : string.Create(CultureInfo.InvariantCulture, $"con {daysLate} días de atraso; pena convencional {penalty:0.00} {contract.Currency}");
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"ACTA DE ENTREGA-RECEPCIÓN — CONTRATO {contract.Id}, {(delivery.Kind == DeliveryStatus.DeliveryKind ? "ENTREGA" : "HITO")} {delivery.Id}")
            .AppendLine(delivery.Description)
            .AppendLine(CultureInfo.InvariantCulture, $"Fecha pactada: {delivery.DueDate:yyyy-MM-dd}. Recibida completa: {received:yyyy-MM-dd} ({late}).")
            .AppendLine(CultureInfo.InvariantCulture, $"Valor: {delivery.Amount:0.00} {contract.Currency}.")
            .AppendLine(CultureInfo.InvariantCulture, $"Aceptada por {actor.Username} el {now:yyyy-MM-dd HH:mm} UTC.");
        if (!string.IsNullOrWhiteSpace(request.Note))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Observaciones: {request.Note.Trim()}");
        }

        var document = new DocumentDraft(documentId, "procedure", contract.Id, DocumentKinds.DeliveryAcceptance, $"Acta de entrega-recepción {contract.Id} {delivery.Id}",
            Public: true, "Aceptación de la entrega.", $"{documentId}.txt", "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text.ToString()));
        return await SaveAsync(changed, actor, now, "delivery-accepted",
            string.Create(CultureInfo.InvariantCulture, $"Contrato {contract.Id}: entrega {deliveryId} aceptada, recibida el {received:yyyy-MM-dd} {late}."),
            publish: true, document, (PortalEventTypes.DeliveryAccepted, new
            {
                contractId = contract.Id,
                contract.ProcedureId,
                deliveryId,
                receivedOn = received,
                daysLate,
                penalty,
                amount = delivery.Amount,
                contract.Currency,
                contract.SupplierId,
            }), cancellationToken);
    }

    public async Task<Contract> RejectDeliveryAsync(PortalActor actor, string contractId, string deliveryId, RejectRequest request, CancellationToken cancellationToken = default)
    {
        var contract = await RequireForUnitAsync(actor, contractId, cancellationToken);
        RequireInForce(contract);
        var (index, delivery) = Delivery(contract, deliveryId);
        if (delivery.Status != DeliveryStatus.Reported)
        {
            throw new PortalConflictException("not-reported", $"Delivery {deliveryId} is {delivery.Status}: a delivery is rejected after the supplier reports it.");
        }

        var reason = RequireReason(request.Reason, ExecutionRules.MinReason);
        var now = time.GetUtcNow();
        var rejected = delivery with { Status = DeliveryStatus.Rejected, DecidedAt = now, DecidedBy = actor.Username, RejectionReason = reason, Rejections = delivery.Rejections + 1 };
        var changed = contract with { Deliveries = contract.Deliveries.SetItem(index, rejected) };
        return await SaveAsync(changed, actor, now, "delivery-rejected", $"Contrato {contract.Id}: entrega {deliveryId} rechazada: {reason}",
            publish: true, null, (PortalEventTypes.DeliveryRejected, new { contractId = contract.Id, contract.ProcedureId, deliveryId, reason, contract.SupplierId }), cancellationToken);
    }

    public async Task<Contract> InvoiceAsync(PortalActor actor, string contractId, InvoiceRequest request, CancellationToken cancellationToken = default)
    {
        var contract = await RequireForSupplierAsync(actor, contractId, cancellationToken);
        if (contract.Status == ContractStatus.Pending)
        {
            throw new PortalConflictException("not-active", "The contract is not signed yet.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var folio = request.Folio?.Trim().ToUpperInvariant();
        if (folio is null || !FolioPattern().IsMatch(folio))
        {
            errors["folio"] = ["Give the invoice's folio fiscal (the CFDI's UUID, 36 characters: 8-4-4-4-12 hexadecimal)."];
        }
        else if (contract.Invoices.Any(i => i.Folio == folio))
        {
            errors["folio"] = ["This folio fiscal was already presented on this contract; a corrected invoice has a new folio."];
        }

        var ids = request.DeliveryIds ?? [];
        var invoiced = ExecutionRules.Invoiced(contract);
        var billed = new List<ContractDelivery>();
        if (ids.IsDefaultOrEmpty)
        {
            errors["deliveryIds"] = ["Give the accepted deliveries the invoice bills."];
        }
        else if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Length)
        {
            errors["deliveryIds"] = ["Each delivery once."];
        }
        else
        {
            foreach (var id in ids)
            {
                var delivery = contract.Deliveries.FirstOrDefault(d => d.Id == id);
                if (delivery is null || delivery.Status != DeliveryStatus.Accepted)
                {
                    errors["deliveryIds"] = [$"{id} is not an accepted delivery of this contract: only accepted deliveries are invoiced."];
                    break;
                }

                if (invoiced.Contains(id))
                {
                    errors["deliveryIds"] = [$"{id} is already on an invoice."];
                    break;
                }

                billed.Add(delivery);
            }
        }

        var today = Today();
        if (request.IssuedOn is not { } issued || issued > today || issued < contract.Terms.StartDate)
        {
            errors["issuedOn"] = [$"Give the invoice's date: from the contract's start ({contract.Terms.StartDate:yyyy-MM-dd}) to today."];
        }

        if (errors.Count > 0)
        {
            throw new PortalValidationException(errors);
        }

        var now = time.GetUtcNow();
        var invoice = new ContractInvoice($"F{contract.Invoices.Length + 1}", folio!, [.. ids], billed.Sum(d => d.Amount), request.IssuedOn!.Value, now, actor.Username, InvoiceStatus.Submitted);
        var changed = contract with { Invoices = contract.Invoices.Add(invoice) };
        return await SaveAsync(changed, actor, now, "invoice-submitted",
            string.Create(CultureInfo.InvariantCulture, $"Contrato {contract.Id}: factura {invoice.Id} por {invoice.Amount:0.00} {contract.Currency} ({string.Join(", ", ids)}); pendiente de revisión."),
            publish: false, isPublic: false, cancellationToken: cancellationToken);
    }

    public async Task<Contract> ApproveInvoiceAsync(PortalActor actor, string contractId, string invoiceId, CancellationToken cancellationToken = default)
    {
        var contract = await RequireForUnitAsync(actor, contractId, cancellationToken);
        var (index, invoice) = Invoice(contract, invoiceId);
        var now = time.GetUtcNow();
        var deliveries = contract.Deliveries.Where(d => invoice.DeliveryIds.Contains(d.Id)).ToList();
        var penalties = deliveries.Sum(d => d.Penalty);
        var billed = contract.Invoices.Where(i => i.Status == InvoiceStatus.Approved).SelectMany(i => i.DeliveryIds).Concat(invoice.DeliveryIds).ToHashSet(StringComparer.Ordinal);
        var last = contract.Deliveries.Where(d => d.Status != DeliveryStatus.Cancelled).All(d => billed.Contains(d.Id));
        var amortisation = ExecutionRules.Amortisation(contract, invoice.Amount, penalties, last);
        var number = contract.PaymentOrders.Count(o => !o.IsAdvance) + 1;
        var order = new PaymentOrder($"{contract.Id}-OP{number}", invoice.Id, invoice.Amount, penalties, invoice.Amount - penalties - amortisation, now, actor.Username,
            ExecutionRules.PaymentDueDate(invoice.SubmittedAt), amortisation);
        var changed = contract with
        {
            Invoices = contract.Invoices.SetItem(index, invoice with { Status = InvoiceStatus.Approved, DecidedAt = now, DecidedBy = actor.Username, PaymentOrderId = order.Id }),
            PaymentOrders = contract.PaymentOrders.Add(order),
        };
        var less = (penalties > 0 ? string.Create(CultureInfo.InvariantCulture, $" (menos penas convencionales por {penalties:0.00})") : "")
            + (amortisation > 0 ? string.Create(CultureInfo.InvariantCulture, $" (menos {amortisation:0.00} de amortización del anticipo)") : "");
        return await SaveAsync(changed, actor, now, "payment-order",
            string.Create(CultureInfo.InvariantCulture, $"Contrato {contract.Id}: factura {invoice.Id} aprobada; orden de pago {order.Id} por {order.Amount:0.00} {contract.Currency}{less}, a pagar a más tardar el {order.DueDate:yyyy-MM-dd}."),
            publish: true, null, (PortalEventTypes.PaymentOrderIssued, new
            {
                orderId = order.Id,
                contractId = contract.Id,
                contract.ProcedureId,
                contract.UnitId,
                contract.SupplierId,
                invoiceId = invoice.Id,
                gross = order.Gross,
                penalties,
                amortisation,
                amount = order.Amount,
                contract.Currency,
                dueDate = order.DueDate,
            }), cancellationToken);
    }

    public async Task<Contract> RejectInvoiceAsync(PortalActor actor, string contractId, string invoiceId, RejectRequest request, CancellationToken cancellationToken = default)
    {
        var contract = await RequireForUnitAsync(actor, contractId, cancellationToken);
        var (index, invoice) = Invoice(contract, invoiceId);
        var reason = RequireReason(request.Reason, ExecutionRules.MinReason);
        var now = time.GetUtcNow();
        var changed = contract with { Invoices = contract.Invoices.SetItem(index, invoice with { Status = InvoiceStatus.Rejected, DecidedAt = now, DecidedBy = actor.Username, RejectionReason = reason }) };
        return await SaveAsync(changed, actor, now, "invoice-rejected", $"Contrato {contract.Id}: factura {invoice.Id} devuelta al proveedor: {reason}",
            publish: false, isPublic: false, cancellationToken: cancellationToken);
    }

    public async Task<Contract> TerminateAsync(PortalActor actor, string contractId, TerminationRequest request, CancellationToken cancellationToken = default)
    {
        var contract = await RequireForUnitAsync(actor, contractId, cancellationToken);
        RequireInForce(contract);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var kind = request.Kind;
        if (kind is null || !TerminationKinds.All.Contains(kind))
        {
            errors["kind"] = [$"The kind is one of: {string.Join(", ", TerminationKinds.All)}."];
        }

        var minReason = kind == TerminationKinds.Completed ? ExecutionRules.MinReason : ExecutionRules.MinTerminationReason;
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Trim().Length < minReason)
        {
            errors["reason"] = [$"Give the reason (at least {minReason} characters)."];
        }

        var performance = contract.Guarantees.FirstOrDefault(g => g.Kind == "performance");
        var called = 0m;
        if (kind == TerminationKinds.Rescission)
        {
            called = request.GuaranteeAmount ?? performance?.Amount ?? 0m;
            if (called < 0 || called > (performance?.Amount ?? 0m) || decimal.Round(called, 2) != called)
            {
                errors["guaranteeAmount"] = [string.Create(CultureInfo.InvariantCulture, $"The amount of the performance guarantee to call is between 0 and {performance?.Amount ?? 0m:0.00}.")];
            }
        }
        else if (request.GuaranteeAmount is > 0)
        {
            errors["guaranteeAmount"] = ["The performance guarantee is called only on a rescission."];
        }

        if (errors.Count > 0)
        {
            throw new PortalValidationException(errors);
        }

        var today = Today();
        var paid = await payments.ListAsync(contract.Id, cancellationToken);
        if (kind == TerminationKinds.Completed)
        {
            var account = ExecutionRules.Account(contract, paid, today);
            var missing = new List<string>();
            if (contract.Deliveries.IsEmpty)
            {
                missing.Add("no delivery was scheduled");
            }

            missing.AddRange(contract.Deliveries.Where(d => d.Status != DeliveryStatus.Accepted).Select(d => $"delivery {d.Id} is {d.Status}"));
            var invoiced = contract.Invoices.Where(i => i.Status == InvoiceStatus.Approved).SelectMany(i => i.DeliveryIds).ToHashSet(StringComparer.Ordinal);
            missing.AddRange(contract.Deliveries.Where(d => d.Status == DeliveryStatus.Accepted && !invoiced.Contains(d.Id)).Select(d => $"delivery {d.Id} has no approved invoice"));
            missing.AddRange(account.Orders.Where(o => o.Outstanding > 0).Select(o => string.Create(CultureInfo.InvariantCulture, $"order {o.Order.Id} has {o.Outstanding:0.00} unpaid")));
            if (contract.Advance > contract.AdvanceAmortised)
            {
                missing.Add(string.Create(CultureInfo.InvariantCulture, $"{contract.Advance - contract.AdvanceAmortised:0.00} of the advance is not amortised"));
            }

            if (missing.Count > 0)
            {
                throw new PortalConflictException("not-complete", $"The contract is completed when everything is delivered, accepted, invoiced and paid: {string.Join("; ", missing)}.");
            }
        }

        // On a rescission the advance-payment guarantee answers for the advance paid and not amortised.
        var advanceCalled = 0m;
        if (kind == TerminationKinds.Rescission && contract.PaymentOrders.FirstOrDefault(o => o.IsAdvance) is { } advanceOrder)
        {
            var advancePaid = ExecutionRules.PaidOn(advanceOrder, paid);
            var advanceGuarantee = contract.Guarantees.FirstOrDefault(g => g.Kind == "advancePayment")?.Amount ?? 0m;
            advanceCalled = Math.Min(advanceGuarantee, Math.Max(0m, advancePaid - contract.AdvanceAmortised));
        }

        var now = time.GetUtcNow();
        var reason = request.Reason!.Trim();
        var documentId = $"{contract.Id}-{(kind == TerminationKinds.Completed ? "finiquito" : "terminacion")}";
        var termination = new ContractTermination(kind!, reason, now, actor.Username, called, documentId, advanceCalled);
        var changed = contract with
        {
            Status = ContractStatus.Terminated,
            Termination = termination,
            Deliveries = [.. contract.Deliveries.Select(d => d.Status == DeliveryStatus.Accepted ? d : d with { Status = DeliveryStatus.Cancelled })],
        };
        var title = kind switch
        {
            TerminationKinds.Completed => "FINIQUITO: CONTRATO CUMPLIDO",
            TerminationKinds.Early => "TERMINACIÓN ANTICIPADA (art. 54 Bis LAASSP)",
            _ => "RESCISIÓN ADMINISTRATIVA (art. 54 LAASSP)",
        };
        var account2 = ExecutionRules.Account(changed, paid, today);
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{title} — CONTRATO {contract.Id}")
            .AppendLine(contract.Title)
            .AppendLine(CultureInfo.InvariantCulture, $"Fecha: {now:yyyy-MM-dd HH:mm} UTC. Responsable: {actor.Username}.")
            .AppendLine(CultureInfo.InvariantCulture, $"Motivo: {reason}")
            .AppendLine(CultureInfo.InvariantCulture, $"Monto vigente {account2.Value:0.00}; entregado y aceptado {account2.Accepted:0.00}; pagado {account2.Paid:0.00}; por pagar {account2.Due + account2.Overdue:0.00}; penas convencionales {account2.Penalties:0.00} {contract.Currency}.");
        foreach (var d in changed.Deliveries)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {d.Id} ({d.DueDate:yyyy-MM-dd}, {d.Amount:0.00}): {d.Status}{(d.DaysLate > 0 ? $", {d.DaysLate} días de atraso" : "")}");
        }

        if (kind == TerminationKinds.Rescission)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Garantía de cumplimiento ({performance?.Type}) que se hace efectiva: {called:0.00} {contract.Currency}.");
            if (advanceCalled > 0)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"Garantía de anticipo que se hace efectiva por el anticipo no amortizado: {advanceCalled:0.00} {contract.Currency}.");
            }
        }

        var document = new DocumentDraft(documentId, "procedure", contract.Id, kind == TerminationKinds.Completed ? DocumentKinds.ContractCompletion : DocumentKinds.ContractTermination,
            $"{(kind == TerminationKinds.Completed ? "Finiquito" : "Terminación")} del contrato {contract.Id}", Public: true, reason, $"{documentId}.txt", "text/plain; charset=utf-8",
            Encoding.UTF8.GetBytes(text.ToString()));
        var summary = kind switch
        {
            TerminationKinds.Completed => $"Contrato {contract.Id} cumplido y finiquitado.",
            TerminationKinds.Early => $"Contrato {contract.Id} terminado anticipadamente: {reason}",
            _ => string.Create(CultureInfo.InvariantCulture, $"Contrato {contract.Id} rescindido: {reason}. Garantía de cumplimiento que se hace efectiva: {called:0.00} {contract.Currency}."),
        };
        return await SaveAsync(changed, actor, now, "contract-terminated", summary, publish: true, document,
            (PortalEventTypes.ContractTerminated, new
            {
                contractId = contract.Id,
                contract.ProcedureId,
                contract.UnitId,
                contract.SupplierId,
                kind,
                reason,
                guaranteeCalled = called,
                advanceGuaranteeCalled = advanceCalled,
                contract.Currency,
            }),
            cancellationToken, tags: ["contractTermination"]);
    }

    /// <summary>The contract's money today: for the unit's officials, the supplier and auditors.</summary>
    public async Task<ContractAccount> AccountAsync(PortalActor actor, string contractId, CancellationToken cancellationToken = default)
    {
        var contract = await contracts.FindAsync(contractId, cancellationToken) ?? throw new PortalNotFoundException($"No contract {contractId}.");
        if (!actor.ActsFor(contract.UnitId) && !actor.IsAuditor && !(actor.IsSupplier && actor.Username == contract.SupplierId))
        {
            throw new PortalForbiddenException("The account of a contract is for its unit's officials, its supplier and auditors.");
        }

        return ExecutionRules.Account(contract, await payments.ListAsync(contract.Id, cancellationToken), Today());
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private async Task<Contract> RequireForUnitAsync(PortalActor actor, string contractId, CancellationToken cancellationToken)
    {
        var contract = await contracts.FindAsync(contractId, cancellationToken) ?? throw new PortalNotFoundException($"No contract {contractId}.");
        return actor.ActsFor(contract.UnitId) ? contract : throw new PortalForbiddenException("Only the contracting unit's officials do this.");
    }

    private async Task<Contract> RequireForSupplierAsync(PortalActor actor, string contractId, CancellationToken cancellationToken)
    {
        var contract = await contracts.FindAsync(contractId, cancellationToken) ?? throw new PortalNotFoundException($"No contract {contractId}.");
        return actor.IsSupplier && actor.Username == contract.SupplierId ? contract : throw new PortalForbiddenException("Only the contract's supplier does this.");
    }

    private static void RequireInForce(Contract contract)
    {
        if (contract.Status == ContractStatus.Pending)
        {
            throw new PortalConflictException("not-active", "The contract is not signed by both parties yet.");
        }

        if (contract.Termination is { } ended)
        {
            throw new PortalConflictException("terminated", $"The contract ended ({ended.Kind}) on {ended.At:yyyy-MM-dd}.");
        }
    }

    private static (int Index, ContractDelivery Delivery) Delivery(Contract contract, string deliveryId)
    {
        var index = IndexOf(contract.Deliveries, d => d.Id == deliveryId);
        return index >= 0 ? (index, contract.Deliveries[index]) : throw new PortalNotFoundException($"Contract {contract.Id} has no delivery {deliveryId}.");
    }

    private static (int Index, ContractInvoice Invoice) Invoice(Contract contract, string invoiceId)
    {
        var index = IndexOf(contract.Invoices, i => i.Id == invoiceId);
        if (index < 0)
        {
            throw new PortalNotFoundException($"Contract {contract.Id} has no invoice {invoiceId}.");
        }

        var invoice = contract.Invoices[index];
        return invoice.Status == InvoiceStatus.Submitted
            ? (index, invoice)
            : throw new PortalConflictException("already-decided", $"Invoice {invoiceId} is already {invoice.Status}.");
    }

    private static int IndexOf<T>(ImmutableArray<T> items, Func<T, bool> match)
    {
        for (var i = 0; i < items.Length; i++)
        {
            if (match(items[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static string RequireReason(string? reason, int min) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < min || reason.Length > 2000
            ? throw PortalValidationException.Of("reason", $"Give the reason ({min} to 2,000 characters).")
            : reason.Trim();

    /// <summary>
    /// Saves the change with its timeline entry (public unless <paramref name="isPublic"/> is false: invoices are the
    /// parties' business, the public follows the payment orders), its document, its release (an implementation
    /// release, or the tags given) and its webhook event, all in one transaction; a concurrent change is a conflict.
    /// </summary>
    private async Task<Contract> SaveAsync(
        Contract changed, PortalActor actor, DateTimeOffset now, string action, string summary, bool publish, DocumentDraft? document = null,
        (string Type, object Payload)? notify = null, CancellationToken cancellationToken = default, IReadOnlyList<string>? tags = null, bool isPublic = true)
    {
        changed = changed with { UpdatedAt = now, Version = changed.Version + 1 };
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await contracts.UpdateAsync(connection, transaction, changed, cancellationToken))
        {
            throw new PortalConflictException("concurrent-change", "Someone changed this contract meanwhile: reload it and try again.");
        }

        if (document is not null)
        {
            await documents.AddVersionAsync(connection, transaction, document, now, actor.Username, cancellationToken);
        }

        await procedures.AppendEventAsync(connection, transaction, changed.ProcedureId, now, actor.Username, action, summary, isPublic, cancellationToken);
        if (publish)
        {
            await PublishAsync(connection, transaction, changed, tags, now, cancellationToken);
        }

        if (notify is { } n)
        {
            await events.PublishAsync(connection, transaction, n.Type, n.Payload, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    /// <summary>The procedure's release after a change in its contract's execution (the treasury's payments publish one too).</summary>
    public async Task PublishAsync(DbConnection connection, DbTransaction transaction, Contract contract, IReadOnlyList<string>? tags, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var procedure = await procedures.FindAsync(connection, transaction, contract.ProcedureId, cancellationToken)
            ?? throw new InvalidOperationException($"Procedure {contract.ProcedureId} of {contract.Id} is missing.");
        var unit = await procedureService.UnitAsync(contract.UnitId, cancellationToken);
        tags ??= [await ReleasePublisher.ImplementationTagAsync(connection, transaction, procedure.Ocid, cancellationToken)];
        await publisher.PublishAsync(connection, transaction, procedure, unit, tags, now, cancellationToken);
    }

    [GeneratedRegex("^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$")]
    private static partial Regex FolioPattern();
}
