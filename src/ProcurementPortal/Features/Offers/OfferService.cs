using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CompraNet.AuctionGrains.Auctions;
using CompraNet.AuctionGrains.Tenders;
using CompraNet.ProcurementPortal.AuctionEngine;
using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Documents;
using CompraNet.ProcurementPortal.Features.Procedures;
using CompraNet.ProcurementPortal.Features.Publication;
using CompraNet.ProcurementPortal.Features.Suppliers;
using CompraNet.ProcurementPortal.Persistence;

namespace CompraNet.ProcurementPortal.Features.Offers;

/// <summary>
/// Sealed offers: a registered supplier submits, replaces or withdraws its offer until the deadline through the
/// procedure's tender grain, which keeps it encrypted; nobody reads it before the opening. The unit's official opens
/// them all at once after the deadline: the procedure records every revealed offer, the public minutes become a
/// document, and a tenderUpdate release lists the bids.
/// </summary>
public sealed partial class OfferService(
    PortalDb db, ProcedureService procedures, ProcedureStore store, SupplierStore suppliers, DocumentStore documents,
    ReleasePublisher publisher, AuctionEngineClient engine, Interconnection.IPortalEvents events, IServiceProvider services, TimeProvider time)
{
    public async Task<OfferReceipt> SubmitAsync(PortalActor actor, string procedureId, OfferRequest request, CancellationToken cancellationToken = default)
    {
        var procedure = await RequireOpenCallAsync(actor, procedureId, cancellationToken);
        var offer = Validate(actor.Username, procedure, request);
        var result = await Call(() => engine.SubmitOfferAsync(procedure.Id, offer));
        return result.IsAccepted ? result.Receipt! : throw Refusal(result.Code!, result.Message);
    }

    public async Task<WithdrawOfferResult> WithdrawAsync(PortalActor actor, string procedureId, Guid offerId, CancellationToken cancellationToken = default)
    {
        var procedure = await RequireOpenCallAsync(actor, procedureId, cancellationToken);
        var result = await Call(() => engine.WithdrawOfferAsync(procedure.Id, new WithdrawOffer(actor.Username, offerId)));
        return result.Code is null ? result : throw Refusal(result.Code, result.Message);
    }

    /// <summary>The tender as the actor may see it: before the opening a count (and a supplier's own receipts), after it everything.</summary>
    public async Task<TenderStatus> StatusAsync(PortalActor? actor, string procedureId, CancellationToken cancellationToken = default)
    {
        var procedure = await procedures.GetAsync(actor, procedureId, cancellationToken);
        var viewer = actor?.ActsFor(procedure.UnitId) == true || actor?.IsAuditor == true ? Viewer.Officer
            : actor?.IsSupplier == true ? Viewer.Supplier(actor.Username) : Viewer.Public;
        return await Call(() => engine.TenderStatusAsync(procedure.Id, viewer))
            ?? throw new PortalNotFoundException($"Procedure {procedureId} has not called for offers.");
    }

    /// <summary>The opening act: reveals every live offer at once (after the deadline only) and records it in the procedure.</summary>
    public async Task<Procedure> OpenAsync(PortalActor actor, string procedureId, CancellationToken cancellationToken = default)
    {
        var (procedure, unit) = await procedures.RequireOwnAsync(actor, procedureId, cancellationToken);
        if (procedure.Status != ProcedureStatus.Published)
        {
            throw new PortalConflictException("not-published", $"Offers are opened once, on a published call; this one is {procedure.Status}.");
        }

        var result = await Call(() => engine.OpenOffersAsync(procedure.Id, actor.Username));
        if (!result.IsAccepted)
        {
            throw Refusal(result.Code!, result.Message);
        }

        var opening = result.Opening!;
        var offers = opening.Offers.Select(o => new OpenedOffer(o.OfferId, o.SupplierId, o.ReceivedAt, o.Total, o.Items, o.TechnicalProposal, o.SealedHash)).ToImmutableArray();
        var opened = procedure with
        {
            Status = offers.IsEmpty ? ProcedureStatus.Deserted : ProcedureStatus.Opened,
            Opening = new ProcedureOpening(opening.OpenedAt, actor.Username, offers, opening.WithdrawnOffers, opening.ReplacedOffers),
            UpdatedAt = opening.OpenedAt,
            Version = procedure.Version + 1,
        };
        var bidders = await suppliers.FindManyAsync([.. offers.Select(o => o.SupplierId).Distinct()], cancellationToken);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await procedures.SaveAsync(connection, transaction, opened, unit, cancellationToken);
        await documents.AddVersionAsync(connection, transaction, new DocumentDraft(
            $"{procedureId}-acta-apertura", "procedure", procedureId, DocumentKinds.OpeningMinutes, $"Acta de presentación y apertura de proposiciones ({procedureId})",
            Public: true, "Acta del acto de apertura.", $"{procedureId}-acta-apertura.txt", "text/plain; charset=utf-8", Minutes(opened, bidders)),
            opening.OpenedAt, actor.Username, cancellationToken);
        await store.AppendEventAsync(connection, transaction, procedureId, opening.OpenedAt, actor.Username, "opened",
            offers.IsEmpty ? "Apertura sin proposiciones: procedimiento desierto." : $"Apertura de proposiciones: {offers.Length} proposición(es).", isPublic: true, cancellationToken);
        await publisher.PublishAsync(connection, transaction, opened, unit, ["tenderUpdate"], opening.OpenedAt, cancellationToken);
        if (offers.IsEmpty)
        {
            await events.PublishAsync(connection, transaction, Interconnection.PortalEventTypes.ProcedureDeserted,
                new { procedureId, unitId = unit.Id, reason = "no-offer", desertedAt = opening.OpenedAt }, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return opened;
    }

    private async Task<Procedure> RequireOpenCallAsync(PortalActor actor, string procedureId, CancellationToken cancellationToken)
    {
        if (!actor.IsSupplier)
        {
            throw new PortalForbiddenException("Only suppliers submit offers.");
        }

        var procedure = await procedures.GetAsync(actor, procedureId, cancellationToken);
        if (procedure.Status != ProcedureStatus.Published)
        {
            throw new PortalConflictException("not-open", "This call is not taking offers.");
        }

        if (!procedure.InvitedSuppliers.IsDefaultOrEmpty && !procedure.InvitedSuppliers.Contains(actor.Username))
        {
            throw new PortalForbiddenException("Only the invited suppliers submit offers to this call.");
        }

        if (await suppliers.FindAsync(actor.Username, cancellationToken) is null)
        {
            throw new PortalForbiddenException("Register in the supplier registry before submitting offers.");
        }

        if (services.GetService<ISanctionRegistry>() is { } sanctions && sanctions.IsSanctioned(actor.Username, time.GetUtcNow()))
        {
            throw new PortalForbiddenException("The supplier is debarred (sanctioned) and cannot submit offers.");
        }

        return procedure;
    }

    private static SubmitOffer Validate(string supplierId, Procedure procedure, OfferRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.OfferId is not { } offerId || offerId == Guid.Empty)
        {
            errors["offerId"] = ["Give the offer a fresh UUID (re-sending the same one is safe)."];
        }

        var given = (request.Items ?? []).Where(i => i.ItemId is not null).GroupBy(i => i.ItemId!).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var items = ImmutableArray.CreateBuilder<OfferItemPrice>();
        foreach (var (item, i) in procedure.Items.Select((item, i) => (item, i)))
        {
            if (!given.TryGetValue(item.Id, out var prices) || prices.Count != 1 || prices[0].UnitPrice is not { } price || price <= 0 || price > Money.Max || decimal.Round(price, 4) != price)
            {
                errors[$"items[{i}].unitPrice"] = [$"Give one unit price for item {item.Id} (more than zero, at most four decimals)."];
                continue;
            }

            items.Add(new OfferItemPrice(item.Id, price, item.Quantity));
        }

        foreach (var unknown in given.Keys.Where(id => !procedure.Items.Any(i => i.Id == id)))
        {
            errors["items"] = [$"Item {unknown} is not in the call."];
        }

        var total = decimal.Round(items.Sum(i => i.UnitPrice * i.Quantity), 2, MidpointRounding.ToEven);
        if (errors.Count == 0 && request.Total is { } stated && stated != total)
        {
            errors["total"] = [string.Create(CultureInfo.InvariantCulture, $"The items add up to {total:0.00}, not {stated:0.00}.")];
        }
        else if (errors.Count == 0 && !Money.IsValidAmount(total))
        {
            errors["total"] = ["The total must be more than zero and at most 10^15."];
        }

        if (request.TechnicalProposal is { Length: > 20_000 })
        {
            errors["technicalProposal"] = ["At most 20,000 characters."];
        }

        var docs = request.Documents ?? [];
        if (docs.Count > 20)
        {
            errors["documents"] = ["At most 20 documents."];
        }

        for (var i = 0; i < docs.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(docs[i].Name) || docs[i].Name!.Length > 200 || docs[i].Sha256 is null || !Sha256Pattern().IsMatch(docs[i].Sha256!))
            {
                errors[$"documents[{i}]"] = ["Each document has a name (up to 200 characters) and the SHA-256 of its bytes (64 hex digits)."];
            }
        }

        if (errors.Count > 0)
        {
            throw new PortalValidationException(errors);
        }

        return new SubmitOffer(supplierId, request.OfferId!.Value, total, items.ToImmutable(), request.TechnicalProposal?.Trim(),
            [.. docs.Select(d => new OfferDocument(d.Name!.Trim(), d.Sha256!.ToLowerInvariant()))]);
    }

    private static Exception Refusal(string code, string message) => code switch
    {
        TenderRefusalCodes.Invalid => PortalValidationException.Of("offer", message),
        TenderRefusalCodes.NotInvited => new PortalForbiddenException(message),
        TenderRefusalCodes.Unavailable => new PortalUnavailableException(message),
        _ => new PortalConflictException(code, message),
    };

    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is TenderStorageException or TimeoutException or Orleans.Runtime.OrleansException)
        {
            throw new PortalUnavailableException("The tender could not be reached or stored; nothing was recorded. Try again.");
        }
    }

    private static byte[] Minutes(Procedure procedure, IReadOnlyList<RegisteredSupplier> bidders)
    {
        var opening = procedure.Opening!;
        var names = bidders.ToDictionary(b => b.SupplierId, b => $"{b.LegalName} ({b.Rfc})", StringComparer.Ordinal);
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"ACTA DE PRESENTACIÓN Y APERTURA DE PROPOSICIONES — {procedure.Id}")
            .AppendLine(CultureInfo.InvariantCulture, $"{procedure.Title}")
            .AppendLine(CultureInfo.InvariantCulture, $"Fecha límite: {procedure.Timetable!.SubmissionDeadline:yyyy-MM-dd HH:mm:ss} UTC. Apertura: {opening.OpenedAt:yyyy-MM-dd HH:mm:ss} UTC, por {opening.OpenedBy}.")
            .AppendLine(CultureInfo.InvariantCulture, $"Proposiciones abiertas: {opening.Offers.Length}; retiradas: {opening.Withdrawn}; sustituidas: {opening.Replaced}.")
            .AppendLine();
        foreach (var offer in opening.Offers)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{names.GetValueOrDefault(offer.SupplierId, offer.SupplierId)}: {offer.Total:0.00} {procedure.Currency}, recibida {offer.ReceivedAt:yyyy-MM-dd HH:mm:ss} UTC, sello SHA-256 {offer.SealedHash}");
            foreach (var item in offer.Items)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    partida {item.ItemId}: {item.Quantity} × {item.UnitPrice:0.00##}");
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Pattern();
}
