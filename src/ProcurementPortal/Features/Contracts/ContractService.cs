using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using System.Text;
using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Documents;
using CompraNet.ProcurementPortal.Features.Interconnection;
using CompraNet.ProcurementPortal.Features.Plans;
using CompraNet.ProcurementPortal.Features.Procedures;
using CompraNet.ProcurementPortal.Features.Publication;
using CompraNet.ProcurementPortal.Features.Suppliers;
using CompraNet.ProcurementPortal.Features.Units;
using CompraNet.ProcurementPortal.Persistence;

namespace CompraNet.ProcurementPortal.Features.Contracts;

/// <summary>
/// From the award to the contract in force: the unit's official draws the contract up from the award, the official
/// and the awarded supplier each sign the exact text (its SHA-256), and amendments (convenios modificatorios) become
/// new versions that take effect, like the contract, once both have signed them. Cumulative increases above 20% of the
/// original value or period need the law's exception, which the public view and the release show.
/// </summary>
public sealed class ContractService(
    PortalDb db, ContractStore contracts, ProcedureService procedures, ProcedureStore procedureStore, SupplierStore suppliers,
    DocumentStore documents, ReleasePublisher publisher, PlanStore plans, IBudgetCommitments commitments, IPortalEvents events, TimeProvider time)
{
    public const string BuyerParty = "buyer";
    public const string SupplierParty = "supplier";

    public async Task<Contract> CreateAsync(PortalActor actor, string procedureId, CreateContractRequest request, CancellationToken cancellationToken = default)
    {
        var (procedure, unit) = await procedures.RequireOwnAsync(actor, procedureId, cancellationToken);
        if (procedure.Status != ProcedureStatus.Awarded || procedure.Award is not { } award)
        {
            throw new PortalConflictException("not-awarded", "A contract is drawn up from an awarded procedure.");
        }

        var now = time.GetUtcNow();
        var (start, end, guarantees, penaltyPercent, advancePercent) = ValidateCreate(request, award, DateOnly.FromDateTime(award.DecidedAt.UtcDateTime));
        var offer = procedure.Opening?.Offers.FirstOrDefault(o => o.SupplierId == award.SupplierId);
        var terms = new ContractTerms(award.Amount, start, end, ContractRules.Items(procedure, offer, award.Amount));
        var id = Contract.IdFor(procedure.Id);
        var contract = new Contract
        {
            Id = id,
            ProcedureId = procedure.Id,
            Ocid = procedure.Ocid,
            UnitId = procedure.UnitId,
            SupplierId = award.SupplierId,
            AwardId = $"{procedure.Id}-fallo",
            Title = $"Contrato {id}: {procedure.Title}",
            Currency = procedure.Currency,
            Status = ContractStatus.Pending,
            Guarantees = guarantees,
            PenaltyPercentPerDay = penaltyPercent,
            AdvancePercent = advancePercent,
            CreatedAt = now,
            CreatedBy = actor.Username,
            UpdatedAt = now,
            Version = 1,
        };
        var supplier = await suppliers.FindAsync(award.SupplierId, cancellationToken);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        contract = await AddVersionAsync(connection, transaction, contract, terms, amendment: null, unit, supplier, actor.Username, now, cancellationToken);
        if (!await contracts.InsertAsync(connection, transaction, contract, cancellationToken))
        {
            throw new PortalConflictException("contract-exists", $"The procedure already has its contract {id}.");
        }

        await procedureStore.AppendEventAsync(connection, transaction, procedure.Id, now, actor.Username, "contract-drafted",
            string.Create(CultureInfo.InvariantCulture, $"Contrato {id} elaborado por {terms.Value:0.00} {contract.Currency}, del {start:yyyy-MM-dd} al {end:yyyy-MM-dd}; pendiente de firmas."), isPublic: true, cancellationToken);
        await publisher.PublishAsync(connection, transaction, procedure, unit, ["contract"], now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return contract;
    }

    public async Task<Contract> GetAsync(string id, CancellationToken cancellationToken = default) =>
        await contracts.FindAsync(id, cancellationToken) ?? throw new PortalNotFoundException($"No contract {id}.");

    public async Task<Contract> SignAsync(PortalActor actor, string id, SignContractRequest request, CancellationToken cancellationToken = default)
    {
        var contract = await GetAsync(id, cancellationToken);
        var party = PartyOf(actor, contract);
        if (request.Sha256 is not { Length: 64 } sha256 || !sha256.All(Uri.IsHexDigit))
        {
            throw PortalValidationException.Of("sha256", "Give the SHA-256 (64 hexadecimal characters) of the contract text you read.");
        }

        var current = contract.Current;
        if (current.EffectiveAt is not null)
        {
            throw new PortalConflictException("nothing-to-sign", $"Version {current.Number} is already signed by both parties.");
        }

        if (!string.Equals(sha256, current.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new PortalConflictException("stale-version", $"That is not the text of the current version ({current.Number}, SHA-256 {current.Sha256}): read it and sign again.");
        }

        if (current.Signatures.Any(s => s.Party == party))
        {
            throw new PortalConflictException("already-signed", $"The {party} already signed version {current.Number}.");
        }

        var now = time.GetUtcNow();
        var signature = new ContractSignature(party, actor.Username, now, current.Sha256);
        var signatures = current.Signatures.Add(signature);
        var effective = signatures.Any(s => s.Party == BuyerParty) && signatures.Any(s => s.Party == SupplierParty);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var releaseId = effective ? await ReleasePublisher.NextReleaseIdAsync(connection, transaction, contract.Ocid, cancellationToken) : null;
        var signed = current with { Signatures = signatures, EffectiveAt = effective ? now : null, ReleaseId = releaseId };
        var changed = contract with { Versions = contract.Versions.SetItem(contract.Versions.Length - 1, signed), UpdatedAt = now, Version = contract.Version + 1 };
        Execution.PaymentOrder? advanceOrder = null;
        if (effective && current.Number == 1)
        {
            changed = changed with { Status = ContractStatus.Active, DateSigned = now };
            if (changed.Advance > 0)
            {
                // The advance is ordered when the contract takes effect, due 20 calendar days later.
                advanceOrder = new Execution.PaymentOrder(ContractRules.AdvanceOrderId(id), Execution.PaymentOrder.AdvanceInvoice, changed.Advance, 0m, changed.Advance, now,
                    actor.Username, DateOnly.FromDateTime(now.UtcDateTime).AddDays(Execution.ExecutionRules.PaymentDays));
                changed = changed with { PaymentOrders = changed.PaymentOrders.Add(advanceOrder) };
            }
        }

        if (!await contracts.AddSignatureAsync(connection, transaction, id, current.Number, signature, cancellationToken))
        {
            throw new PortalConflictException("already-signed", $"The {party} already signed version {current.Number}.");
        }

        await SaveAsync(connection, transaction, changed, cancellationToken);
        var what = current.Number == 1 ? $"el contrato {id}" : $"el convenio modificatorio {current.Amendment?.Id}";
        await procedureStore.AppendEventAsync(connection, transaction, contract.ProcedureId, now, actor.Username, "contract-signed",
            effective ? $"Firmado por ambas partes {what} (versión {current.Number}); en vigor." : $"Firma de {(party == BuyerParty ? "la unidad compradora" : "el proveedor")} en {what} (versión {current.Number}).",
            isPublic: true, cancellationToken);
        if (effective)
        {
            var procedure = await procedureStore.FindAsync(connection, transaction, contract.ProcedureId, cancellationToken)
                ?? throw new InvalidOperationException($"Procedure {contract.ProcedureId} of {id} is missing.");
            var unit = await procedures.UnitAsync(contract.UnitId, cancellationToken);
            await publisher.PublishAsync(connection, transaction, procedure, unit, [current.Number == 1 ? "contractUpdate" : "contractAmendment"], now, cancellationToken);
            await events.PublishAsync(connection, transaction, current.Number == 1 ? PortalEventTypes.ContractSigned : PortalEventTypes.ContractAmended, new
            {
                contractId = id,
                contract.ProcedureId,
                contract.UnitId,
                contract.SupplierId,
                version = current.Number,
                amendmentId = current.Amendment?.Id,
                value = current.Terms.Value,
                contract.Currency,
                startDate = current.Terms.StartDate,
                endDate = current.Terms.EndDate,
                sha256 = current.Sha256,
                exception = current.Amendment?.Exception ?? false,
                inForceAt = now,
            }, cancellationToken);
            if (current.Number == 1)
            {
                // The signed contract commits its value on the plan line's budget key, announced to the budget system
                // (contract.committed) in the signature's transaction: both or neither.
                var line = (await plans.FindAsync(connection, transaction, procedure.PlanId, cancellationToken))?.Line(procedure.PlanLineNo)
                    ?? throw new InvalidOperationException($"Line {procedure.PlanLineNo} of plan {procedure.PlanId} is missing.");
                await commitments.CommitAsync(connection, transaction, changed.Id, changed.UnitId, line.BudgetKey, changed.Terms.Value, cancellationToken);
            }

            if (advanceOrder is not null)
            {
                await events.PublishAsync(connection, transaction, PortalEventTypes.PaymentOrderIssued, new
                {
                    orderId = advanceOrder.Id,
                    contractId = id,
                    contract.ProcedureId,
                    contract.UnitId,
                    contract.SupplierId,
                    invoiceId = advanceOrder.InvoiceId,
                    gross = advanceOrder.Gross,
                    penalties = 0m,
                    amortisation = 0m,
                    amount = advanceOrder.Amount,
                    contract.Currency,
                    dueDate = advanceOrder.DueDate,
                }, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    public async Task<Contract> AmendAsync(PortalActor actor, string id, AmendmentRequest request, CancellationToken cancellationToken = default)
    {
        var contract = await GetAsync(id, cancellationToken);
        if (!actor.ActsFor(contract.UnitId))
        {
            throw new PortalForbiddenException("Only the contracting unit's officials amend a contract.");
        }

        if (contract.Status != ContractStatus.Active)
        {
            throw new PortalConflictException("not-active", "A contract is amended once both parties have signed it.");
        }

        if (contract.Current.EffectiveAt is null)
        {
            throw new PortalConflictException("amendment-pending", $"Version {contract.Current.Number} is waiting for signatures: sign it first.");
        }

        var (proposed, amendment) = ValidateAmendment(contract, request, actor.Username);
        var now = time.GetUtcNow();
        var unit = await procedures.UnitAsync(contract.UnitId, cancellationToken);
        var supplier = await suppliers.FindAsync(contract.SupplierId, cancellationToken);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changed = await AddVersionAsync(connection, transaction, contract with { UpdatedAt = now, Version = contract.Version + 1 }, proposed, amendment, unit, supplier, actor.Username, now, cancellationToken);
        await SaveAsync(connection, transaction, changed, cancellationToken);
        var flag = amendment.Exception ? " Con la excepción al límite del 20%." : "";
        await procedureStore.AppendEventAsync(connection, transaction, contract.ProcedureId, now, actor.Username, "contract-amendment",
            string.Create(CultureInfo.InvariantCulture, $"Convenio modificatorio {amendment.Id} propuesto (versión {changed.Current.Number}): {proposed.Value:0.00} {contract.Currency}, hasta el {proposed.EndDate:yyyy-MM-dd}; surte efecto con ambas firmas.{flag}"),
            isPublic: true, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    public async Task<IReadOnlyList<ContractVersionSummary>> VersionsAsync(string id, CancellationToken cancellationToken = default)
    {
        var contract = await GetAsync(id, cancellationToken);
        return [.. contract.Versions.Select(v => new ContractVersionSummary(v.Number, v,
            $"/documentos/{Uri.EscapeDataString(v.DocumentId)}/{v.DocumentVersion}", v.EffectiveAt is not null))];
    }

    public async Task<ContractDiff> DiffAsync(string id, int number, CancellationToken cancellationToken = default)
    {
        var contract = await GetAsync(id, cancellationToken);
        if (number < 2 || number > contract.Versions.Length)
        {
            throw new PortalNotFoundException($"Contract {id} has versions 1 to {contract.Versions.Length}; each from 2 on compares with the one before.");
        }

        var before = contract.Versions[number - 2];
        var after = contract.Versions[number - 1];
        return new ContractDiff(id, before.Number, after.Number, after.Amendment, ContractRules.Changes(before.Terms, after.Terms));
    }

    /// <summary>The unit's officials, the supplier and auditors read the invoices' fiscal data and rejection reasons; the public does not.</summary>
    public static bool MayReadAll(PortalActor? actor, Contract contract) =>
        actor is not null && (actor.ActsFor(contract.UnitId) || actor.IsAuditor || (actor.IsSupplier && actor.Username == contract.SupplierId));

    /// <summary>
    /// The contract as the public reads it: invoices without their folio fiscal, who handled them or why they were
    /// returned, and deliveries without the supplier's own note (its remission numbers); dates, amounts, delays,
    /// penalties and why the unit rejected a delivery stay public.
    /// </summary>
    public static Contract PublicView(Contract contract) => contract with
    {
        Invoices = [.. contract.Invoices.Select(i => i with { Folio = "", RejectionReason = null, SubmittedBy = "", DecidedBy = null })],
        Deliveries = [.. contract.Deliveries.Select(d => d with { ReportNote = null })],
    };

    private static string PartyOf(PortalActor actor, Contract contract)
    {
        if (actor.IsOfficial)
        {
            return actor.ActsFor(contract.UnitId) ? BuyerParty : throw new PortalForbiddenException("This contract belongs to another unit.");
        }

        if (actor.IsSupplier)
        {
            return actor.Username == contract.SupplierId ? SupplierParty : throw new PortalForbiddenException("Only the awarded supplier signs this contract.");
        }

        throw new PortalForbiddenException("Only the unit's officials and the awarded supplier sign a contract.");
    }

    private static (DateOnly Start, DateOnly End, ImmutableArray<ContractGuarantee> Guarantees, decimal PenaltyPercentPerDay, decimal AdvancePercent) ValidateCreate(CreateContractRequest request, AwardDecision award, DateOnly awardDate)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.StartDate is not { } start || start < awardDate)
        {
            errors["startDate"] = ["Give the start date: on or after the award's date."];
        }

        if (request.EndDate is not { } end || request.StartDate is { } s && (end < s || end > s.AddYears(10)))
        {
            errors["endDate"] = ["Give the end date: on or after the start date, within ten years."];
        }

        var guarantees = ImmutableArray.CreateBuilder<ContractGuarantee>();
        var performance = request.PerformanceGuarantee ?? new GuaranteeRequest(null, null);
        var performanceType = performance.Type ?? "fianza";
        var performanceAmount = performance.Amount ?? ContractRules.DefaultPerformanceAmount(award.Amount);
        if (!ContractRules.GuaranteeTypes.Contains(performanceType))
        {
            errors["performanceGuarantee.type"] = [$"The guarantee is one of: {string.Join(", ", ContractRules.GuaranteeTypes)}."];
        }

        if (performanceAmount < 0 || performanceAmount > award.Amount || decimal.Round(performanceAmount, 2) != performanceAmount)
        {
            errors["performanceGuarantee.amount"] = ["The performance guarantee is between zero and the contract's value, with at most two decimals."];
        }

        guarantees.Add(new ContractGuarantee("performance", performanceType, performanceAmount));
        if (request.AdvancePaymentGuarantee is { } advance)
        {
            if (advance.Type is null || !ContractRules.GuaranteeTypes.Contains(advance.Type))
            {
                errors["advancePaymentGuarantee.type"] = [$"The guarantee is one of: {string.Join(", ", ContractRules.GuaranteeTypes)}."];
            }

            if (advance.Amount is not { } amount || !Money.IsValidAmount(amount) || amount > award.Amount)
            {
                errors["advancePaymentGuarantee.amount"] = ["The advance payment guarantee is more than zero and at most the contract's value, with at most two decimals."];
            }
            else
            {
                guarantees.Add(new ContractGuarantee("advancePayment", advance.Type ?? "", amount));
            }
        }

        var penalty = request.PenaltyPercentPerDay ?? ContractRules.DefaultPenaltyPercentPerDay;
        if (penalty <= 0 || penalty > ContractRules.MaxPenaltyPercentPerDay || decimal.Round(penalty, 2) != penalty)
        {
            errors["penaltyPercentPerDay"] = [string.Create(CultureInfo.InvariantCulture, $"The daily penalty for late delivery is more than 0% and at most {ContractRules.MaxPenaltyPercentPerDay}% of the late delivery's value, with at most two decimals.")];
        }

        var advancePercent = request.AdvancePercent ?? 0m;
        if (advancePercent < 0 || advancePercent > ContractRules.MaxAdvancePercent || decimal.Round(advancePercent, 2) != advancePercent)
        {
            errors["advancePercent"] = [string.Create(CultureInfo.InvariantCulture, $"The advance is from 0% to {ContractRules.MaxAdvancePercent}% of the value, with at most two decimals.")];
        }
        else if (advancePercent > 0)
        {
            // The advance-payment guarantee covers the whole advance (art. 48 LAASSP).
            var advanceAmount = decimal.Round(award.Amount * advancePercent / 100m, 2, MidpointRounding.ToEven);
            if (request.AdvancePaymentGuarantee is null)
            {
                errors["advancePercent"] = ["An advance needs its advance-payment guarantee."];
            }
            else if (request.AdvancePaymentGuarantee.Amount is { } covered && covered < advanceAmount && !errors.ContainsKey("advancePaymentGuarantee.amount"))
            {
                errors["advancePaymentGuarantee.amount"] = [string.Create(CultureInfo.InvariantCulture, $"The advance-payment guarantee covers the whole advance: at least {advanceAmount:0.00}.")];
            }
        }

        if (errors.Count > 0)
        {
            throw new PortalValidationException(errors);
        }

        return (request.StartDate!.Value, request.EndDate!.Value, guarantees.ToImmutable(), penalty, advancePercent);
    }

    private static (ContractTerms Proposed, ContractAmendment Amendment) ValidateAmendment(Contract contract, AmendmentRequest request, string official)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var current = contract.Terms;
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Trim().Length < ContractRules.MinReason)
        {
            errors["reason"] = [$"Give the reason for the amendment (at least {ContractRules.MinReason} characters)."];
        }

        if (request.Value is { } value && !Money.IsValidAmount(value))
        {
            errors["value"] = ["The new value is more than zero, with at most two decimals."];
        }

        if (request.EndDate is { } end && end < current.StartDate)
        {
            errors["endDate"] = ["The new end date is on or after the start date."];
        }

        var exception = request.Exception == true;
        if (exception && (string.IsNullOrWhiteSpace(request.Justification) || request.Justification.Trim().Length < ContractRules.MinExceptionJustification))
        {
            errors["justification"] = [$"The exception to the 20% limit needs a justification (at least {ContractRules.MinExceptionJustification} characters)."];
        }

        var items = current.Items;
        for (var i = 0; i < (request.Items?.Count ?? 0); i++)
        {
            var change = request.Items![i];
            var index = items.IndexOf(items.FirstOrDefault(it => it.Id == change.ItemId)!);
            if (index < 0 || request.Items.Take(i).Any(c => c.ItemId == change.ItemId))
            {
                errors[$"items[{i}].itemId"] = ["Name one of the contract's items, once."];
            }
            else if (change.Quantity is not { } quantity || quantity <= 0 || quantity > Money.Max || decimal.Round(quantity, 3) != quantity)
            {
                errors[$"items[{i}].quantity"] = ["The new quantity is more than zero, with at most three decimals."];
            }
            else
            {
                items = items.SetItem(index, items[index] with { Quantity = quantity });
            }
        }

        if (errors.Count > 0)
        {
            throw new PortalValidationException(errors);
        }

        // New quantities move the value at the contract's unit prices, unless the amendment states the value itself.
        var followed = current.Value + items.Zip(current.Items, (now, was) => (now.Quantity - was.Quantity) * now.UnitPrice).Sum();
        var proposed = current with { Value = request.Value ?? decimal.Round(followed, 2), EndDate = request.EndDate ?? current.EndDate, Items = items };
        if (proposed.Value == current.Value && proposed.EndDate == current.EndDate && proposed.Items.SequenceEqual(current.Items))
        {
            throw PortalValidationException.Of("value", "Change the value, the end date or an item's quantity.");
        }

        if (!Money.IsValidAmount(proposed.Value))
        {
            throw PortalValidationException.Of("value", "The new quantities leave the contract without value: give the value.");
        }

        var original = contract.Original;
        var overValue = ContractRules.ValueOverLimit(original, proposed);
        var overPeriod = ContractRules.PeriodOverLimit(original, proposed);
        var overItems = ContractRules.ItemsOverLimit(original, proposed);
        if (!exception && (overValue || overPeriod || overItems.Count > 0))
        {
            var over = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var item in overItems)
            {
                var at = request.Items!.ToList().FindIndex(c => c.ItemId == item.Id);
                over[$"items[{at}].quantity"] = [string.Create(CultureInfo.InvariantCulture,
                    $"Amendments together may raise item {item.Id}'s original quantity ({item.Quantity}) by at most {ContractRules.AmendmentLimitPercent}% (to {item.Quantity * 1.2m:0.###}); beyond it, invoke the law's exception with a justification.")];
            }

            if (overValue)
            {
                over["value"] = [string.Create(CultureInfo.InvariantCulture,
                    $"Amendments together may raise the original value ({original.Value:0.00}) by at most {ContractRules.AmendmentLimitPercent}% (to {original.Value * 1.2m:0.00}); beyond it, invoke the law's exception with a justification.")];
            }

            if (overPeriod)
            {
                over["endDate"] = [string.Create(CultureInfo.InvariantCulture,
                    $"Amendments together may lengthen the original period ({original.Days} days) by at most {ContractRules.AmendmentLimitPercent}% ({Math.Floor(original.Days * 1.2m)} days in all); beyond it, invoke the law's exception with a justification.")];
            }

            throw new PortalValidationException(over);
        }

        var number = contract.Versions.Count(v => v.Amendment is not null) + 1;
        var amendment = new ContractAmendment(
            $"{contract.Id}-M{number}", request.Reason!.Trim(), official,
            decimal.Round(ContractRules.ValueIncreasePercent(original, proposed), 2), decimal.Round(ContractRules.PeriodIncreasePercent(original, proposed), 2),
            exception && (overValue || overPeriod || overItems.Count > 0), exception && (overValue || overPeriod || overItems.Count > 0) ? request.Justification!.Trim() : null);
        return (proposed, amendment);
    }

    private async Task<Contract> AddVersionAsync(
        DbConnection connection, DbTransaction transaction, Contract contract, ContractTerms terms, ContractAmendment? amendment, BuyingUnit unit, RegisteredSupplier? supplier,
        string by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var number = contract.Versions.Length + 1;
        var documentId = Contract.DocumentIdFor(contract.Id);
        var note = amendment is null ? "Contrato elaborado desde el fallo." : $"Convenio modificatorio {amendment.Id}: {amendment.Reason}";
        // Contract texts belong to the procedure's documents table under the contract's own id, so the procedure's
        // tender documents stay as they were and the contract's are listed by its id.
        var stored = await documents.AddVersionAsync(connection, transaction, new DocumentDraft(
            documentId, "procedure", contract.Id, DocumentKinds.Contract, $"Contrato {contract.Id}", Public: true, note,
            $"{documentId}-v{number}.txt", "text/plain; charset=utf-8", Text(contract, number, terms, amendment, unit, supplier, now)), now, by, cancellationToken);
        var version = new ContractVersion(number, terms, amendment, documentId, stored.Version, stored.Sha256, now, by, [], null);
        return contract with { Versions = contract.Versions.Add(version) };
    }

    private async Task SaveAsync(DbConnection connection, DbTransaction transaction, Contract contract, CancellationToken cancellationToken)
    {
        if (!await contracts.UpdateAsync(connection, transaction, contract, cancellationToken))
        {
            throw new PortalConflictException("concurrent-change", "Someone changed this contract meanwhile: reload it and try again.");
        }
    }

    private static byte[] Text(Contract contract, int number, ContractTerms terms, ContractAmendment? amendment, BuyingUnit unit, RegisteredSupplier? supplier, DateTimeOffset now)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"CONTRATO {contract.Id} — VERSIÓN {number}")
            .AppendLine(contract.Title)
            .AppendLine(CultureInfo.InvariantCulture, $"Procedimiento {contract.ProcedureId}, fallo {contract.AwardId}. Redactado {now:yyyy-MM-dd HH:mm} UTC.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"La contratante: {unit.Name} ({unit.Institution}), unidad {unit.Id}.")
            .AppendLine(CultureInfo.InvariantCulture, $"El proveedor: {supplier?.LegalName ?? contract.SupplierId}{(supplier is null ? "" : $" (RFC {supplier.Rfc})")}.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Monto: {terms.Value:0.00} {contract.Currency}.")
            .AppendLine(CultureInfo.InvariantCulture, $"Vigencia: del {terms.StartDate:yyyy-MM-dd} al {terms.EndDate:yyyy-MM-dd} ({terms.Days} días).")
            .AppendLine("Partidas:");
        foreach (var item in terms.Items)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {item.Id}. {item.Description} (CUCOP {item.Cucop}): {item.Quantity} {item.Unit} a {item.UnitPrice:0.00} {contract.Currency}");
        }

        text.AppendLine("Garantías:");
        foreach (var guarantee in contract.Guarantees)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {(guarantee.Kind == "performance" ? "Cumplimiento" : "Anticipo")}: {guarantee.Type}, {guarantee.Amount:0.00} {contract.Currency}");
        }

        if (amendment is not null)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"CONVENIO MODIFICATORIO {amendment.Id}, responsable {amendment.ResponsibleOfficial}.")
                .AppendLine(CultureInfo.InvariantCulture, $"Motivo: {amendment.Reason}")
                .AppendLine(CultureInfo.InvariantCulture, $"Respecto del contrato original: monto {amendment.ValueIncreasePercent:+0.00;-0.00;0}%, plazo {amendment.PeriodIncreasePercent:+0.00;-0.00;0}%.");
            if (amendment.Exception)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"EXCEPCIÓN al límite del 20% (art. 52 LAASSP): {amendment.ExceptionJustification}");
            }
        }

        if (contract.AdvancePercent > 0)
        {
            var advance = decimal.Round((contract.Versions.IsEmpty ? terms : contract.Original).Value * contract.AdvancePercent / 100m, 2, MidpointRounding.ToEven);
            text.AppendLine(CultureInfo.InvariantCulture, $"Anticipo: {contract.AdvancePercent:0.##}% del monto ({advance:0.00} {contract.Currency}), a pagar a los {Execution.ExecutionRules.PaymentDays} días naturales de la firma y amortizado en el mismo porcentaje de cada factura (art. 13 LAASSP).");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Pena convencional por atraso: {contract.PenaltyPercentPerDay:0.##}% del valor de la entrega atrasada por día natural, hasta el monto de la garantía de cumplimiento (art. 53 LAASSP, art. 96 RLAASSP).");
        text.AppendLine().AppendLine("Surte efecto con la firma de ambas partes sobre esta versión (su huella SHA-256 se registra con cada firma).");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
