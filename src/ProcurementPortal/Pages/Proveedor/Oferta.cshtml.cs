using CompraNet.AuctionGrains.Tenders;
using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Offers;
using CompraNet.ProcurementPortal.Features.Procedures;
using CompraNet.ProcurementPortal.Features.Suppliers;
using CompraNet.ProcurementPortal.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CompraNet.ProcurementPortal.Pages.Proveedor;

/// <summary>
/// A supplier's sealed offer to one call: submit it (a unit price per item, the technical proposal, the documents'
/// hashes), replace it by sending another, withdraw it, and read every receipt (acuse de recibo) with what became of
/// it. Who may offer is checked by OfferService for the signed-in supplier; the page only says why not beforehand.
/// </summary>
public sealed class OfertaModel(
    PortalActors actors, ProcedureService procedures, OfferService offers, SupplierStore suppliers, TimeProvider time, PortalText text) : PageModel
{
    public Procedure Procedure { get; private set; } = null!;

    [BindProperty]
    public OfferForm Form { get; set; } = new();

    /// <summary>The supplier's own receipts, newest first.</summary>
    public IReadOnlyList<OwnOffer> Receipts { get; private set; } = [];

    /// <summary>Why the supplier cannot offer now (not open, past the deadline, not invited, not registered); null when it can.</summary>
    public string? Refusal { get; private set; }

    public string Path => $"/proveedor/procedimientos/{Uri.EscapeDataString(Procedure.Id)}/oferta";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Form = OfferForm.For(Procedure);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string? addDocument, int? removeDocument, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        // The page shows Form as it is after this post (rows added or removed), not the raw values posted.
        ModelState.Clear();
        Form.Align(Procedure);
        if (addDocument is not null || removeDocument is not null)
        {
            if (removeDocument is { } remove && remove >= 0 && remove < Form.Documents.Count)
            {
                Form.Documents.RemoveAt(remove);
            }

            if (addDocument is not null && Form.Documents.Count < OfferForm.MaxDocuments)
            {
                Form.Documents.Add(new OfferFormDocument());
            }

            Form.Align(Procedure);
            return Page();
        }

        Form.Documents.RemoveAll(d => d.IsBlank);
        var unreadable = new Dictionary<string, string>(StringComparer.Ordinal);
        var request = Form.ToRequest(unreadable, text);
        try
        {
            var receipt = await offers.SubmitAsync(await actors.RequireAsync(User, cancellationToken), id, request, cancellationToken);
            TempData["Notice"] = text.Format("offer.receivedNotice", text.Date(receipt.ReceivedAt), receipt.SealedHash);
            return Redirect(Path);
        }
        catch (PortalValidationException ex)
        {
            // A price that was not a number went as missing; say what was wrong with it rather than "give a price".
            ModelState.AddErrors(ex.Errors.Where(e => !unreadable.ContainsKey(e.Key)).ToDictionary(), text);
            ModelState.AddErrors(unreadable.ToDictionary(e => e.Key, e => new[] { e.Value }), text);
        }
        catch (Exception ex) when (ex is PortalForbiddenException or PortalConflictException or PortalNotFoundException or PortalUnavailableException)
        {
            ModelState.AddModelError("offer", ServiceMessages.Localize(ex.Message, text));
        }

        Form.Align(Procedure);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string id, Guid offerId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            await offers.WithdrawAsync(await actors.RequireAsync(User, cancellationToken), id, offerId, cancellationToken);
            TempData["Notice"] = text["offer.withdrawnNotice"];
            return Redirect(Path);
        }
        catch (Exception ex) when (ex is PortalValidationException or PortalForbiddenException or PortalConflictException or PortalNotFoundException or PortalUnavailableException)
        {
            ModelState.AddModelError("withdraw", ServiceMessages.Localize(ex.Message, text));
        }

        Form = OfferForm.For(Procedure);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public string Label(string key) =>
        key.StartsWith("items[", StringComparison.Ordinal) && int.TryParse(key.AsSpan(6, key.IndexOf(']', StringComparison.Ordinal) - 6), out var i) && i < Procedure.Items.Length
            ? text.Format("offer.itemLabel", Procedure.Items[i].Id)
            : text["offer.field." + key.Split('[', '.')[0]];

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var actor = await actors.RequireAsync(User, cancellationToken);
        try
        {
            Procedure = await procedures.GetAsync(actor, id, cancellationToken);
        }
        catch (PortalNotFoundException)
        {
            return false;
        }

        Refusal = await RefusalAsync(actor, cancellationToken);
        if (Procedure.Status != ProcedureStatus.Draft && Procedure.Timetable is not null)
        {
            try
            {
                var status = await offers.StatusAsync(actor, id, cancellationToken);
                Receipts = [.. status.OwnOffers.OrderByDescending(o => o.Receipt.Sequence)];
            }
            catch (Exception ex) when (ex is PortalNotFoundException or PortalUnavailableException)
            {
                Receipts = [];
            }
        }

        return true;
    }

    private async Task<string?> RefusalAsync(PortalActor actor, CancellationToken cancellationToken)
    {
        if (Procedure.Status != ProcedureStatus.Published || Procedure.Timetable is not { } timetable)
        {
            return text["offer.notOpen"];
        }

        if (time.GetUtcNow() >= timetable.SubmissionDeadline)
        {
            return text.Format("offer.deadlinePassed", text.Date(timetable.SubmissionDeadline));
        }

        if (!Procedure.InvitedSuppliers.IsDefaultOrEmpty && !Procedure.InvitedSuppliers.Contains(actor.Username))
        {
            return text["offer.notInvited"];
        }

        return await suppliers.FindAsync(actor.Username, cancellationToken) is null ? text["offer.notRegistered"] : null;
    }
}
