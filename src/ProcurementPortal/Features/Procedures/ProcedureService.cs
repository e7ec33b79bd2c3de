using System.Data.Common;
using System.Globalization;
using System.Text;
using CompraNet.AuctionGrains.Tenders;
using CompraNet.ProcurementPortal.AuctionEngine;
using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Documents;
using CompraNet.ProcurementPortal.Features.Plans;
using CompraNet.ProcurementPortal.Features.Publication;
using CompraNet.ProcurementPortal.Features.Suppliers;
using CompraNet.ProcurementPortal.Features.Units;
using CompraNet.ProcurementPortal.Persistence;
using Microsoft.Extensions.Options;

namespace CompraNet.ProcurementPortal.Features.Procedures;

/// <summary>
/// Runs a procedure from its plan line to the published call: every change is checked, saved with a timeline entry,
/// the documents it changes (new versions, never overwritten) and its OCDS release, in one transaction.
/// Only officials of the procedure's unit act on it.
/// </summary>
public sealed class ProcedureService(
    PortalDb db,
    ProcedureStore procedures,
    PlanStore plans,
    UnitStore units,
    SupplierStore suppliers,
    DocumentStore documents,
    ReleasePublisher publisher,
    AuctionEngineClient engine,
    IOptions<ProcedureOptions> options,
    TimeProvider time,
    Interconnection.IBudgetGateway budget,
    Interconnection.IPortalEvents events)
{
    /// <summary>Drafts a procedure from a line of the unit's published plan; its first release (planning) is published at once.</summary>
    public async Task<ProcedureOutcome> CreateAsync(PortalActor actor, ProcedureRequest request, CancellationToken cancellationToken = default)
    {
        // The procedure's number is the unit's next for its kind and year: two officials drafting at the same moment
        // can pick the same one, and the loser simply takes the next.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryCreateAsync(actor, request, cancellationToken);
            }
            catch (Exception ex) when (attempt < 5 && (PortalDb.IsUniqueViolation(ex) || PortalDb.IsBusy(ex)))
            {
            }
        }
    }

    private async Task<ProcedureOutcome> TryCreateAsync(PortalActor actor, ProcedureRequest request, CancellationToken cancellationToken)
    {
        var unitId = PlanService.RequireOfficialUnit(actor);
        var unit = await units.FindAsync(unitId, cancellationToken) ?? throw new PortalForbiddenException("Your unit is not registered.");
        var now = time.GetUtcNow();
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (plan, line) = await PlanLineAsync(connection, transaction, unitId, request, cancellationToken);
        await CheckAsync(request, line, line?.Available ?? 0m, cancellationToken);

        var prefix = $"{TypeCode(request.Type!)}-{unitId}-{plan!.FiscalYear}-";
        var id = prefix + (await ProcedureStore.NextNumberAsync(connection, transaction, prefix, cancellationToken)).ToString("000", CultureInfo.InvariantCulture);
        var procedure = Apply(new Procedure
        {
            Id = id,
            Ocid = publisher.OcidFor(id),
            UnitId = unitId,
            PlanId = plan.Id,
            PlanLineNo = line!.LineNo,
            Type = request.Type!,
            Status = ProcedureStatus.Draft,
            Title = request.Title!,
            Description = request.Description!,
            Category = request.Category!,
            EstimatedAmount = request.EstimatedAmount!.Value,
            Currency = line.Currency,
            CreatedAt = now,
            CreatedBy = actor.Username,
            UpdatedAt = now,
            Version = 1,
        }, request);
        await procedures.InsertAsync(connection, transaction, procedure, unit.Name, cancellationToken);
        await procedures.AppendEventAsync(connection, transaction, id, now, actor.Username, "created", $"Borrador creado desde la línea {line.LineNo} del programa {plan.Id}.", isPublic: false, cancellationToken);
        await publisher.PublishAsync(connection, transaction, procedure, unit, ["planning"], now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ProcedureOutcome(procedure, await WarningsAsync(procedure, unit, cancellationToken));
    }

    /// <summary>Changes a draft (a planningUpdate release).</summary>
    public async Task<ProcedureOutcome> UpdateDraftAsync(PortalActor actor, string id, ProcedureRequest request, CancellationToken cancellationToken = default)
    {
        var (procedure, unit) = await RequireOwnAsync(actor, id, cancellationToken);
        if (procedure.Status != ProcedureStatus.Draft)
        {
            throw new PortalConflictException("not-draft", "Only a draft can be edited; a published call changes through amendments.");
        }

        var now = time.GetUtcNow();
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (_, line) = await PlanLineAsync(connection, transaction, unit.Id, request, cancellationToken);
        var own = line is not null && line.LineNo == procedure.PlanLineNo && request.PlanId == procedure.PlanId ? procedure.EstimatedAmount : 0m;
        await CheckAsync(request, line, (line?.Available ?? 0m) + own, cancellationToken);

        var changed = Apply(procedure with
        {
            PlanId = request.PlanId!,
            PlanLineNo = line!.LineNo,
            Type = request.Type!,
            Title = request.Title!,
            Description = request.Description!,
            Category = request.Category!,
            EstimatedAmount = request.EstimatedAmount!.Value,
            Currency = line.Currency,
            UpdatedAt = now,
            Version = procedure.Version + 1,
        }, request);
        await SaveAsync(connection, transaction, changed, unit, cancellationToken);
        await procedures.AppendEventAsync(connection, transaction, id, now, actor.Username, "edited", "Borrador modificado.", isPublic: false, cancellationToken);
        await publisher.PublishAsync(connection, transaction, changed, unit, ["planningUpdate"], now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ProcedureOutcome(changed, await WarningsAsync(changed, unit, cancellationToken));
    }

    /// <summary>Publishes the call: the call-for-bids document (version 1) and a tender release.</summary>
    public async Task<ProcedureOutcome> PublishAsync(PortalActor actor, string id, CancellationToken cancellationToken = default)
    {
        var (procedure, unit) = await RequireOwnAsync(actor, id, cancellationToken);
        if (procedure.Status != ProcedureStatus.Draft)
        {
            throw new PortalConflictException("not-draft", "The call is published already.");
        }

        var now = time.GetUtcNow();
        var errors = ProcedureRules.CheckPublication(procedure, now, options.Value.MinimumDays(procedure.Type));
        if (errors.Count > 0)
        {
            throw new PortalValidationException(errors);
        }

        await CheckBudgetAsync(procedure, cancellationToken);
        var published = procedure with { Status = ProcedureStatus.Published, PublishedAt = now, UpdatedAt = now, Version = procedure.Version + 1 };
        var invited = await suppliers.FindManyAsync(published.InvitedSuppliers, cancellationToken);

        // The tender grain takes the sealed offers from now on. Calling for offers again with the same terms is
        // answered as the first call was, so a publication retried after a failed commit is safe.
        OpenForOffersResult call;
        try
        {
            call = await engine.OpenForOffersAsync(
                new TenderTerms(id, null, published.Title, published.Currency, published.Timetable!.SubmissionDeadline, [.. published.InvitedSuppliers]), actor.Username);
        }
        catch (Exception ex) when (ex is TimeoutException or Orleans.Runtime.OrleansException)
        {
            throw new PortalUnavailableException("The auction engine could not be reached to call for offers; nothing was published. Try again.");
        }

        if (call.Code is { } refusal)
        {
            throw refusal == TenderRefusalCodes.Unavailable
                ? new PortalUnavailableException(call.Message)
                : new PortalConflictException(refusal, $"The engine refused to call for offers: {call.Message}");
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await SaveAsync(connection, transaction, published, unit, cancellationToken);
        await documents.AddVersionAsync(connection, transaction, new DocumentDraft(
            $"{id}-convocatoria", "procedure", id, DocumentKinds.CallForBids, $"Convocatoria {id}", Public: true, "Publicación de la convocatoria.",
            $"{id}-convocatoria.txt", "text/plain; charset=utf-8", CallForBids(published, unit, invited)), now, actor.Username, cancellationToken);
        if (published.LegalGround is { } ground)
        {
            await documents.AddVersionAsync(connection, transaction, new DocumentDraft(
                $"{id}-justificacion", "procedure", id, DocumentKinds.DirectAwardJustification, $"Justificación de la excepción a la licitación ({id})", Public: true,
                "Justificación publicada con el procedimiento.", $"{id}-justificacion.txt", "text/plain; charset=utf-8",
                Encoding.UTF8.GetBytes($"{DirectAwardGrounds.All[ground]}\n\n{published.Justification}\n")), now, actor.Username, cancellationToken);
        }

        await procedures.AppendEventAsync(connection, transaction, id, now, actor.Username, "published", "Convocatoria publicada.", isPublic: true, cancellationToken);
        await publisher.PublishAsync(connection, transaction, published, unit, ["tender"], now, cancellationToken);
        await events.PublishAsync(connection, transaction, Interconnection.PortalEventTypes.ProcedurePublished,
            new { procedureId = id, unitId = unit.Id, published.Title, published.Type, published.EstimatedAmount, published.Currency, publishedAt = now }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ProcedureOutcome(published, await WarningsAsync(published, unit, cancellationToken));
    }

    /// <summary>The budget system confirms the estimate is available on the plan line's budget key before anything is published.</summary>
    private async Task CheckBudgetAsync(Procedure procedure, CancellationToken cancellationToken)
    {
        var plan = await plans.FindAsync(procedure.PlanId, cancellationToken);
        if (plan?.Line(procedure.PlanLineNo) is not { } line)
        {
            return;
        }

        var answer = await budget.CheckAvailabilityAsync(procedure.UnitId, line.BudgetKey, plan.FiscalYear, procedure.EstimatedAmount, cancellationToken);
        if (!answer.Available)
        {
            throw new PortalConflictException("budget-unavailable", $"The budget system refused the amount on budget key {line.BudgetKey}: {answer.Reason}");
        }
    }

    /// <summary>Cancels a procedure that has not been awarded, with the reason (public).</summary>
    public async Task<ProcedureOutcome> CancelAsync(PortalActor actor, string id, string? reason, CancellationToken cancellationToken = default)
    {
        var (procedure, unit) = await RequireOwnAsync(actor, id, cancellationToken);
        if (procedure.Status is ProcedureStatus.Awarded or ProcedureStatus.Cancelled)
        {
            throw new PortalConflictException("not-cancellable", $"A procedure that is {procedure.Status} cannot be cancelled.");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 10 || reason.Length > 2000)
        {
            throw PortalValidationException.Of("reason", "Give the reason for the cancellation (10 to 2000 characters).");
        }

        var now = time.GetUtcNow();
        var cancelled = procedure with { Status = ProcedureStatus.Cancelled, UpdatedAt = now, Version = procedure.Version + 1 };
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await SaveAsync(connection, transaction, cancelled, unit, cancellationToken);
        await procedures.AppendEventAsync(connection, transaction, id, now, actor.Username, "cancelled", $"Procedimiento cancelado: {reason.Trim()}", isPublic: procedure.Status != ProcedureStatus.Draft, cancellationToken);
        await publisher.PublishAsync(connection, transaction, cancelled, unit, [procedure.Status == ProcedureStatus.Draft ? "planningUpdate" : "tenderUpdate"], now, cancellationToken);
        if (procedure.Status != ProcedureStatus.Draft)
        {
            await events.PublishAsync(connection, transaction, Interconnection.PortalEventTypes.ProcedureCancelled,
                new { procedureId = id, unitId = unit.Id, reason = reason.Trim(), cancelledAt = now }, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new ProcedureOutcome(cancelled, []);
    }

    /// <summary>A procedure as <paramref name="actor"/> may see it: published ones to everyone, drafts to the unit's officials and auditors.</summary>
    public async Task<Procedure> GetAsync(PortalActor? actor, string id, CancellationToken cancellationToken = default)
    {
        var procedure = await procedures.FindAsync(id, cancellationToken);
        var insider = procedure is not null && (actor?.ActsFor(procedure.UnitId) == true || actor?.IsAuditor == true);
        if (procedure is null || (procedure.PublishedAt is null && !insider))
        {
            throw new PortalNotFoundException($"No procedure {id}.");
        }

        // The market research stays with the unit until the award: published earlier, it would anchor the offers.
        return insider || procedure.Status == ProcedureStatus.Awarded ? procedure : procedure with { MarketResearch = null };
    }

    internal async Task<(Procedure Procedure, BuyingUnit Unit)> RequireOwnAsync(PortalActor actor, string id, CancellationToken cancellationToken)
    {
        PlanService.RequireOfficialUnit(actor);
        var procedure = await procedures.FindAsync(id, cancellationToken) ?? throw new PortalNotFoundException($"No procedure {id}.");
        if (!actor.ActsFor(procedure.UnitId))
        {
            // Another unit's draft does not exist for this official; another unit's published procedure is not its to change.
            throw procedure.PublishedAt is null ? new PortalNotFoundException($"No procedure {id}.") : new PortalForbiddenException("This procedure belongs to another unit.");
        }

        var unit = await units.FindAsync(procedure.UnitId, cancellationToken) ?? throw new PortalNotFoundException($"No unit {procedure.UnitId}.");
        return (procedure, unit);
    }

    internal async Task<BuyingUnit> UnitAsync(string unitId, CancellationToken cancellationToken) =>
        await units.FindAsync(unitId, cancellationToken) ?? throw new PortalNotFoundException($"No unit {unitId}.");

    internal async Task SaveAsync(DbConnection connection, DbTransaction transaction, Procedure procedure, BuyingUnit unit, CancellationToken cancellationToken)
    {
        if (!await procedures.UpdateAsync(connection, transaction, procedure, unit.Name, cancellationToken))
        {
            throw new PortalConflictException("concurrent-change", "Someone changed this procedure meanwhile: reload it and try again.");
        }
    }

    private async Task<(AnnualPlan? Plan, PlanLine? Line)> PlanLineAsync(DbConnection connection, DbTransaction transaction, string unitId, ProcedureRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.PlanId))
        {
            throw PortalValidationException.Of("planId", "Choose your unit's published annual plan.");
        }

        var plan = await plans.FindAsync(connection, transaction, request.PlanId, cancellationToken);
        if (plan is null || plan.UnitId != unitId || !plan.IsPublished)
        {
            throw PortalValidationException.Of("planId", "Choose your unit's published annual plan.");
        }

        return (plan, request.PlanLineNo is { } no ? plan.Line(no) : null);
    }

    private async Task CheckAsync(ProcedureRequest request, PlanLine? line, decimal available, CancellationToken cancellationToken)
    {
        var invited = request.InvitedSuppliers ?? [];
        var known = invited.Count == 0 ? 0 : (await suppliers.FindManyAsync([.. invited.Distinct(StringComparer.Ordinal)], cancellationToken)).Count;
        var errors = ProcedureRules.Check(request, line, available, known);
        if (errors.Count > 0)
        {
            throw new PortalValidationException(errors);
        }
    }

    private static Procedure Apply(Procedure procedure, ProcedureRequest request) => procedure with
    {
        Items = [.. request.Items ?? []],
        Lots = [.. request.Lots ?? []],
        Timetable = request.Timetable,
        Auction = request.Auction,
        InvitedSuppliers = [.. request.InvitedSuppliers ?? []],
        LegalGround = request.LegalGround,
        Justification = request.Justification?.Trim(),
    };

    /// <summary>The non-open cap: restricted invitations and direct awards over the unit's share of its annual plan.</summary>
    private async Task<IReadOnlyList<string>> WarningsAsync(Procedure procedure, BuyingUnit unit, CancellationToken cancellationToken)
    {
        if (ProcedureType.IsOpen(procedure.Type))
        {
            return [];
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        var plan = await plans.FindAsync(connection, null, procedure.PlanId, cancellationToken);
        var nonOpen = await procedures.NonOpenCommittedAsync(connection, null, unit.Id, procedure.PlanId, cancellationToken);
        if (plan is null || plan.Total <= 0)
        {
            return [];
        }

        var share = nonOpen / plan.Total * 100m;
        return share > unit.NonOpenCapPercent
            ? [string.Create(CultureInfo.InvariantCulture, $"Non-open procedures (restricted invitations and direct awards) now commit {share:0.#}% of the unit's {plan.FiscalYear} plan, over its {unit.NonOpenCapPercent}% cap.")]
            : [];
    }

    private static string TypeCode(string type) => type switch
    {
        ProcedureType.OpenNational => "LPN",
        ProcedureType.OpenInternational => "LPI",
        ProcedureType.Restricted => "I3P",
        _ => "AD",
    };

    private static byte[] CallForBids(Procedure procedure, BuyingUnit unit, IReadOnlyList<RegisteredSupplier> invited)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"CONVOCATORIA {procedure.Id}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{unit.Institution} — {unit.Name}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Procedimiento: {procedure.Type}. Objeto: {procedure.Title}");
        text.AppendLine().AppendLine(procedure.Description).AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Monto estimado: {procedure.EstimatedAmount:0.00} {procedure.Currency}");
        foreach (var lot in procedure.Lots)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Partida {lot.Id}: {lot.Title} ({lot.EstimatedAmount:0.00} {procedure.Currency})");
        }

        foreach (var item in procedure.Items)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {item.Id} [{item.Cucop}] {item.Description}: {item.Quantity} {item.Unit}{(item.LotId is null ? "" : $" (partida {item.LotId})")}");
        }

        if (procedure.Timetable is { } t)
        {
            text.AppendLine();
            if (t.ClarificationMeeting is { } meeting)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"Junta de aclaraciones: {meeting:yyyy-MM-dd HH:mm} UTC");
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"Fecha límite de proposiciones: {t.SubmissionDeadline:yyyy-MM-dd HH:mm} UTC");
            text.AppendLine(CultureInfo.InvariantCulture, $"Apertura de proposiciones: {t.Opening:yyyy-MM-dd HH:mm} UTC");
            text.AppendLine(CultureInfo.InvariantCulture, $"Fallo: {t.Award:yyyy-MM-dd HH:mm} UTC");
        }

        if (procedure.Auction is { } auction)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Tras la evaluación, subasta inversa electrónica entre las proposiciones solventes: {auction.DurationMinutes} minutos, decremento mínimo {auction.MinStepPercent}%.");
        }

        if (invited.Count > 0)
        {
            text.AppendLine().AppendLine("Invitados:");
            foreach (var supplier in invited)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {supplier.LegalName} ({supplier.Rfc})");
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
