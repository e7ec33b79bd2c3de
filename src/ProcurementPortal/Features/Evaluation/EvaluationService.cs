using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using CompraNet.AuctionGrains.Auctions;
using CompraNet.AuctionHost.Auctions;
using CompraNet.ProcurementPortal.AuctionEngine;
using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Documents;
using CompraNet.ProcurementPortal.Features.Procedures;
using CompraNet.ProcurementPortal.Features.Publication;
using CompraNet.ProcurementPortal.Features.Suppliers;
using CompraNet.ProcurementPortal.Features.Units;
using CompraNet.ProcurementPortal.Persistence;

namespace CompraNet.ProcurementPortal.Features.Evaluation;

/// <summary>
/// From the opened offers to the award: market research (the reference price), the evaluation of each offer
/// (admissibility with reasons, price flags and the official's decision on them), then either the electronic auction
/// among the admissible bidders (their offers are their initial prices; the engine's result comes back by itself,
/// <see cref="AuctionResultCollector"/>) or a direct ranking, and the award decision. Fewer than two admissible offers
/// skip the auction; none leaves the procedure deserted. Every public step is a document version and a release.
/// </summary>
public sealed class EvaluationService(
    PortalDb db, ProcedureService procedures, ProcedureStore store, SupplierStore suppliers, DocumentStore documents,
    ReleasePublisher publisher, AuctionEngineClient engine, AuctionCatalog catalog, TimeProvider time, ILogger<EvaluationService> logger,
    Interconnection.IPortalEvents events)
{
    public const int MinReasons = 10;
    public const int MinJustification = 30;

    public async Task<Procedure> RecordMarketResearchAsync(PortalActor actor, string id, MarketResearchRequest request, CancellationToken cancellationToken = default)
    {
        var (procedure, unit) = await procedures.RequireOwnAsync(actor, id, cancellationToken);
        if (procedure.Status is not (ProcedureStatus.Draft or ProcedureStatus.Published))
        {
            throw new PortalConflictException("market-research-closed", "The market research is recorded before the opening.");
        }

        var quotes = request.Quotes ?? [];
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (quotes.Count is < 1 or > 20)
        {
            errors["quotes"] = ["Record 1 to 20 quotes."];
        }

        for (var i = 0; i < quotes.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(quotes[i].Source) || quotes[i].Source!.Length > 300)
            {
                errors[$"quotes[{i}].source"] = ["Name the source (up to 300 characters)."];
            }

            if (quotes[i].Amount is not { } amount || !Money.IsValidAmount(amount))
            {
                errors[$"quotes[{i}].amount"] = ["Give the quoted amount: more than zero, at most two decimals."];
            }

            if (quotes[i].Date is not { } date || date > DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime) || date < DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddYears(-1)))
            {
                errors[$"quotes[{i}].date"] = ["The quote's date is within the last year."];
            }
        }

        if (errors.Count > 0)
        {
            throw new PortalValidationException(errors);
        }

        var now = time.GetUtcNow();
        var research = new MarketResearch([.. quotes.Select(q => new PriceQuote(q.Source!.Trim(), q.Amount!.Value, q.Date!.Value))], now, actor.Username);
        var changed = procedure with { MarketResearch = research, UpdatedAt = now, Version = procedure.Version + 1 };
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await procedures.SaveAsync(connection, transaction, changed, unit, cancellationToken);
        await store.AppendEventAsync(connection, transaction, id, now, actor.Username, "market-research",
            string.Create(CultureInfo.InvariantCulture, $"Investigación de mercado registrada: {research.Quotes.Length} cotización(es)."), isPublic: false, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    public async Task<Procedure> EvaluateAsync(PortalActor actor, string id, EvaluationRequest request, CancellationToken cancellationToken = default)
    {
        var (procedure, unit) = await procedures.RequireOwnAsync(actor, id, cancellationToken);
        if (procedure.Status != ProcedureStatus.Opened || procedure.Opening is not { } opening)
        {
            throw new PortalConflictException("not-opened", "Offers are evaluated once, after the opening.");
        }

        var now = time.GetUtcNow();
        var evaluations = Evaluate(procedure, opening, request.Offers ?? []);
        var admissible = evaluations.Where(e => e.Admissible).ToArray();
        var offers = opening.Offers.ToDictionary(o => o.SupplierId, StringComparer.Ordinal);
        var evaluated = procedure with { Evaluations = evaluations, EvaluatedAt = now, UpdatedAt = now, Version = procedure.Version + 1 };
        string summary;
        if (admissible.Length == 0)
        {
            evaluated = evaluated with { Status = ProcedureStatus.Deserted };
            summary = "Evaluación: ninguna proposición solvente; procedimiento desierto.";
        }
        else if (admissible.Length >= 2 && procedure.Auction is { } plan)
        {
            var startsAt = request.AuctionStartsAt ?? now.AddMinutes(10);
            if (startsAt < now || startsAt > now.AddDays(30))
            {
                throw PortalValidationException.Of("auctionStartsAt", "The auction starts between now and 30 days from now.");
            }

            var auction = await CreateAuctionAsync(actor, procedure, plan, admissible, offers, startsAt, cancellationToken);
            evaluated = evaluated with { Status = ProcedureStatus.Auction, AuctionOutcome = auction };
            summary = string.Create(CultureInfo.InvariantCulture, $"Evaluación: {admissible.Length} proposiciones solventes; subasta electrónica del {auction.StartsAt:yyyy-MM-dd HH:mm} al {auction.EndsAt:HH:mm} UTC.");
        }
        else
        {
            var ranking = admissible.OrderBy(e => e.Total).ThenBy(e => offers[e.SupplierId].ReceivedAt)
                .Select((e, i) => new RankedBidder(i + 1, e.SupplierId, e.Total)).ToImmutableArray();
            evaluated = evaluated with { Status = ProcedureStatus.Evaluated, Ranking = ranking };
            summary = admissible.Length == 1
                ? "Evaluación: una proposición solvente; sin subasta, lista para el fallo."
                : $"Evaluación: {admissible.Length} proposiciones solventes ordenadas por precio.";
        }

        var names = await NamesAsync(evaluated, cancellationToken);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await procedures.SaveAsync(connection, transaction, evaluated, unit, cancellationToken);
        await documents.AddVersionAsync(connection, transaction, new DocumentDraft(
            $"{id}-evaluacion", "procedure", id, DocumentKinds.EvaluationReport, $"Dictamen de evaluación ({id})", Public: true, "Resultado de la evaluación.",
            $"{id}-evaluacion.txt", "text/plain; charset=utf-8", EvaluationReport(evaluated, names)), now, actor.Username, cancellationToken);
        await store.AppendEventAsync(connection, transaction, id, now, actor.Username, "evaluated", summary, isPublic: true, cancellationToken);
        await publisher.PublishAsync(connection, transaction, evaluated, unit, ["tenderUpdate"], now, cancellationToken);
        if (evaluated.Status == ProcedureStatus.Deserted)
        {
            await events.PublishAsync(connection, transaction, Interconnection.PortalEventTypes.ProcedureDeserted,
                new { procedureId = id, unitId = unit.Id, reason = "no-admissible-offer", desertedAt = now }, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return evaluated;
    }

    /// <summary>Records the auction's result once the engine has closed it; false while it is still running.</summary>
    public async Task<bool> CollectAuctionResultAsync(string id, CancellationToken cancellationToken = default)
    {
        var procedure = await store.FindAsync(id, cancellationToken);
        if (procedure is not { Status: ProcedureStatus.Auction, AuctionOutcome: { } outcome })
        {
            return false;
        }

        var snapshot = await engine.AuctionSnapshotAsync(outcome.AuctionId);
        if (snapshot is not { Closed: true })
        {
            return false;
        }

        var ranking = snapshot.Ranked.Where(b => b.Amount is not null)
            .Select((b, i) => new RankedBidder(i + 1, b.SupplierId, b.Amount!.Value)).ToImmutableArray();
        var closedAt = snapshot.EndsAt;
        var collected = procedure with
        {
            Status = ProcedureStatus.Evaluated,
            Ranking = ranking,
            AuctionOutcome = outcome with { Ranking = ranking, ClosedAt = closedAt, EndsAt = snapshot.EndsAt, BidCount = snapshot.BidCount },
            UpdatedAt = time.GetUtcNow(),
            Version = procedure.Version + 1,
        };
        var unit = await UnitOfAsync(procedure, cancellationToken);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await procedures.SaveAsync(connection, transaction, collected, unit, cancellationToken);
        await store.AppendEventAsync(connection, transaction, id, collected.UpdatedAt, "engine", "auction-closed",
            string.Create(CultureInfo.InvariantCulture, $"Subasta cerrada: {snapshot.BidCount} puja(s); mejor precio {ranking.FirstOrDefault()?.Amount:0.00} {procedure.Currency}."), isPublic: true, cancellationToken);
        await publisher.PublishAsync(connection, transaction, collected, unit, ["tenderUpdate"], collected.UpdatedAt, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Auction {AuctionId} of {ProcedureId} closed; result recorded.", outcome.AuctionId, id);
        return true;
    }

    public async Task<Procedure> AwardAsync(PortalActor actor, string id, AwardRequest request, CancellationToken cancellationToken = default)
    {
        var (procedure, unit) = await procedures.RequireOwnAsync(actor, id, cancellationToken);
        if (procedure.Status != ProcedureStatus.Evaluated || procedure.Ranking.IsDefaultOrEmpty)
        {
            throw new PortalConflictException("not-ready", procedure.Status == ProcedureStatus.Auction
                ? "The auction has not closed yet." : "A procedure is awarded once evaluated (and after its auction).");
        }

        var winner = request.SupplierId is { Length: > 0 } chosen
            ? procedure.Ranking.FirstOrDefault(r => r.SupplierId == chosen) ?? throw PortalValidationException.Of("supplierId", "Award to a bidder in the ranking.")
            : procedure.Ranking[0];
        if (winner.Rank != 1 && (string.IsNullOrWhiteSpace(request.Justification) || request.Justification.Trim().Length < MinJustification))
        {
            throw PortalValidationException.Of("justification", $"Awarding to a bidder other than the first needs a justification (at least {MinJustification} characters).");
        }

        var now = time.GetUtcNow();
        var awarded = procedure with
        {
            Status = ProcedureStatus.Awarded,
            Award = new AwardDecision(winner.SupplierId, winner.Amount, now, actor.Username, request.Justification?.Trim()),
            UpdatedAt = now,
            Version = procedure.Version + 1,
        };
        var names = await NamesAsync(awarded, cancellationToken);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await procedures.SaveAsync(connection, transaction, awarded, unit, cancellationToken);
        await documents.AddVersionAsync(connection, transaction, new DocumentDraft(
            $"{id}-fallo", "procedure", id, DocumentKinds.AwardDecision, $"Fallo ({id})", Public: true, "Fallo del procedimiento.",
            $"{id}-fallo.txt", "text/plain; charset=utf-8", AwardText(awarded, names)), now, actor.Username, cancellationToken);
        await store.AppendEventAsync(connection, transaction, id, now, actor.Username, "awarded",
            string.Create(CultureInfo.InvariantCulture, $"Fallo: adjudicado a {names.GetValueOrDefault(winner.SupplierId, winner.SupplierId)} por {winner.Amount:0.00} {procedure.Currency}."), isPublic: true, cancellationToken);
        await publisher.PublishAsync(connection, transaction, awarded, unit, ["award"], now, cancellationToken);
        await events.PublishAsync(connection, transaction, Interconnection.PortalEventTypes.ProcedureAwarded,
            new { procedureId = id, unitId = unit.Id, supplierId = winner.SupplierId, amount = winner.Amount, procedure.Currency, awardedAt = now }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return awarded;
    }

    private static ImmutableArray<OfferEvaluation> Evaluate(Procedure procedure, ProcedureOpening opening, IReadOnlyList<OfferEvaluationRequest> entries)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var bySupplier = new Dictionary<string, (OfferEvaluationRequest Entry, int Index)>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.SupplierId is null || !opening.Offers.Any(o => o.SupplierId == entry.SupplierId) || !bySupplier.TryAdd(entry.SupplierId, (entry, i)))
            {
                errors[$"offers[{i}].supplierId"] = ["Evaluate each opened offer once, by its supplier."];
            }
            else if (entry.Admissible is null)
            {
                errors[$"offers[{i}].admissible"] = ["Say whether the offer is admissible."];
            }
            else if (entry.Admissible == false && (string.IsNullOrWhiteSpace(entry.Reasons) || entry.Reasons.Trim().Length < MinReasons))
            {
                errors[$"offers[{i}].reasons"] = [$"Give the reasons an offer is not admissible (at least {MinReasons} characters)."];
            }
        }

        foreach (var missing in opening.Offers.Where(o => !bySupplier.ContainsKey(o.SupplierId)))
        {
            errors["offers"] = [$"The offer of {missing.SupplierId} has no evaluation."];
        }

        if (errors.Count > 0)
        {
            throw new PortalValidationException(errors);
        }

        var technical = opening.Offers.Where(o => bySupplier[o.SupplierId].Entry.Admissible == true).ToArray();
        var average = technical.Length == 0 ? 0m : technical.Average(o => o.Total);
        var results = ImmutableArray.CreateBuilder<OfferEvaluation>();
        foreach (var offer in opening.Offers)
        {
            var (entry, index) = bySupplier[offer.SupplierId];
            var admissible = entry.Admissible == true;
            var flags = admissible ? PriceFlags.Of(offer.Total, procedure.EstimatedAmount, procedure.MarketResearch?.ReferencePrice, average) : [];
            bool? accepted = null;
            if (flags.Count > 0)
            {
                if (entry.AcceptFlaggedPrice is null || string.IsNullOrWhiteSpace(entry.PriceDecision) || entry.PriceDecision.Trim().Length < MinReasons)
                {
                    errors[$"offers[{index}].priceDecision"] =
                        [$"The price is flagged ({string.Join(", ", flags)}): decide whether to accept it and record why (at least {MinReasons} characters)."];
                    continue;
                }

                accepted = entry.AcceptFlaggedPrice;
            }

            results.Add(new OfferEvaluation(offer.SupplierId, offer.Total, admissible, entry.Reasons?.Trim(), [.. flags], accepted,
                flags.Count > 0 ? entry.PriceDecision!.Trim() : null, admissible && (flags.Count == 0 || accepted == true)));
        }

        return errors.Count > 0 ? throw new PortalValidationException(errors) : results.ToImmutable();
    }

    private async Task<AuctionOutcome> CreateAuctionAsync(
        PortalActor actor, Procedure procedure, AuctionPlan plan, OfferEvaluation[] admissible, Dictionary<string, OpenedOffer> offers, DateTimeOffset startsAt, CancellationToken cancellationToken)
    {
        var endsAt = startsAt.AddMinutes(plan.DurationMinutes);
        var terms = new AuctionTerms(
            AuctionIds.For(procedure.Id, null), procedure.Id, null, procedure.Title, procedure.Currency, AuctionFormat.Continuous,
            CeilingPrice: admissible.Max(e => e.Total),
            new MinStep(StepKind.Percent, plan.MinStepPercent, StepReference.Own),
            MaxStepPercent: 30m,
            TieRule.EarlierWins,
            startsAt,
            endsAt,
            plan.SoftCloseWindowMinutes > 0 ? new SoftClose(plan.SoftCloseWindowMinutes * 60, plan.SoftCloseExtensionMinutes * 60, 10, ExtensionTrigger.Leader) : null,
            FeedbackMode.LeadRank,
            [.. admissible.OrderBy(e => offers[e.SupplierId].ReceivedAt).Select(e => new InvitedBidder(e.SupplierId, e.Total, 1.0m))]);
        var created = await engine.CreateAuctionAsync(terms, actor.Username);
        if (created.Outcome == CreateAuctionOutcome.Invalid)
        {
            throw new PortalValidationException(created.Errors.ToDictionary(e => $"auction.{e.Key}", e => e.Value, StringComparer.Ordinal));
        }

        // The engine's public list of auctions; a second evaluation attempt after a failed commit finds it there already.
        try
        {
            await catalog.AddAsync(terms, actor.Username, time.GetUtcNow(), cancellationToken);
        }
        catch (Exception ex) when (PortalDb.IsUniqueViolation(ex))
        {
            logger.LogDebug("Auction {AuctionId} was already in the catalogue.", terms.AuctionId);
        }

        return new AuctionOutcome(terms.AuctionId, startsAt, endsAt, [], null, 0);
    }

    private async Task<BuyingUnit> UnitOfAsync(Procedure procedure, CancellationToken cancellationToken) =>
        await procedures.UnitAsync(procedure.UnitId, cancellationToken);

    private async Task<Dictionary<string, string>> NamesAsync(Procedure procedure, CancellationToken cancellationToken) =>
        (await suppliers.FindManyAsync([.. procedure.Opening!.Offers.Select(o => o.SupplierId).Distinct(StringComparer.Ordinal)], cancellationToken))
        .ToDictionary(s => s.SupplierId, s => $"{s.LegalName} ({s.Rfc})", StringComparer.Ordinal);

    private static byte[] EvaluationReport(Procedure procedure, Dictionary<string, string> names)
    {
        var text = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"DICTAMEN DE EVALUACIÓN — {procedure.Id}").AppendLine(procedure.Title).AppendLine();
        foreach (var e in procedure.Evaluations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{names.GetValueOrDefault(e.SupplierId, e.SupplierId)}: {e.Total:0.00} {procedure.Currency} — {(e.Admissible ? "SOLVENTE" : "NO SOLVENTE")}");
            if (!e.TechnicallyAdmissible)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    Motivos: {e.Reasons}");
            }

            if (!e.Flags.IsDefaultOrEmpty)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    Precio señalado: {string.Join(", ", e.Flags)}; decisión: {(e.FlagsAccepted == true ? "se acepta" : "se desecha")} — {e.FlagDecision}");
            }
        }

        if (procedure.AuctionOutcome is { } auction)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Subasta electrónica {auction.AuctionId}: {auction.StartsAt:yyyy-MM-dd HH:mm} a {auction.EndsAt:yyyy-MM-dd HH:mm} UTC; precios iniciales: las proposiciones solventes.");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] AwardText(Procedure procedure, Dictionary<string, string> names)
    {
        var award = procedure.Award!;
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"FALLO — {procedure.Id}").AppendLine(procedure.Title)
            .AppendLine(CultureInfo.InvariantCulture, $"Adjudicado a {names.GetValueOrDefault(award.SupplierId, award.SupplierId)} por {award.Amount:0.00} {procedure.Currency}, {award.DecidedAt:yyyy-MM-dd HH:mm} UTC, por {award.DecidedBy}.");
        if (award.Justification is { } why)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Justificación: {why}");
        }

        if (procedure.MarketResearch is { } research)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Precio de referencia (investigación de mercado, {research.Quotes.Length} cotizaciones): {research.ReferencePrice:0.00} {procedure.Currency}.");
        }

        text.AppendLine().AppendLine("Resultado de cada participante:");
        foreach (var e in procedure.Evaluations)
        {
            var rank = procedure.Ranking.FirstOrDefault(r => r.SupplierId == e.SupplierId);
            var name = names.GetValueOrDefault(e.SupplierId, e.SupplierId);
            if (rank is null)
            {
                var reasons = e.Reasons is null ? "" : $" ({e.Reasons})";
                var price = e.Flags.IsDefaultOrEmpty ? "" : $"; precio: {string.Join(", ", e.Flags)} — {e.FlagDecision}";
                text.AppendLine(CultureInfo.InvariantCulture, $"- {name}: proposición {e.Total:0.00}; no solvente{reasons}{price}");
            }
            else
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {name}: proposición {e.Total:0.00}; precio final {rank.Amount:0.00}; lugar {rank.Rank}");
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
