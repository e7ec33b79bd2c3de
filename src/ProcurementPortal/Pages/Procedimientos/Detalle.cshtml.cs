using CompraNet.ProcurementPortal.Features.Clarifications;
using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Contracts;
using CompraNet.ProcurementPortal.Features.Documents;
using CompraNet.ProcurementPortal.Features.Execution;
using CompraNet.ProcurementPortal.Features.Interconnection;
using CompraNet.ProcurementPortal.Features.Procedures;
using CompraNet.ProcurementPortal.Features.Suppliers;
using CompraNet.ProcurementPortal.Features.Units;
using CompraNet.ProcurementPortal.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CompraNet.ProcurementPortal.Pages.Procedimientos;

/// <summary>
/// A procedure's public page: the call, its timetable, items, documents with every version, questions and answers,
/// and its timeline; after the opening the revealed offers, then each one's evaluation, the auction, the ranking and
/// the award (nothing sealed shows before the opening: the procedure holds no offer until then). A supplier asks its
/// questions and reaches its offer here; the unit's officials get a link to manage it. Once the contract is signed, its
/// execution as the public reads it: deliveries, payment orders and payments, and how it ended (no invoice's fiscal
/// data, nor why an invoice was returned).
/// </summary>
public sealed class DetalleModel(
    PortalActors actors, ProcedureService service, ProcedureStore store, UnitStore units, SupplierStore suppliers,
    DocumentStore documents, ClarificationService clarifications, ContractStore contracts, PaymentStore payments, TimeProvider time, IConfiguration configuration, PortalText text) : PageModel
{
    public Procedure Procedure { get; private set; } = null!;

    /// <summary>The auction's start has come (before it, the page says it is scheduled).</summary>
    public bool AuctionStarted => Procedure.AuctionOutcome is { } auction && time.GetUtcNow() >= auction.StartsAt;

    public BuyingUnit? Unit { get; private set; }

    public PortalActor? Actor { get; private set; }

    /// <summary>The contract from the award as the public reads it, shown once both parties have signed it.</summary>
    public Contract? Contract { get; private set; }

    /// <summary>The signed contract's money today: payment orders and the treasury's payments.</summary>
    public ContractAccount? Account { get; private set; }

    /// <summary>The awarded supplier as registered (its public page is <c>/proveedores/{id}</c>).</summary>
    public RegisteredSupplier? Supplier { get; private set; }

    public IReadOnlyList<ProcedureEvent> Timeline { get; private set; } = [];

    public IReadOnlyList<PortalDocument> Documents { get; private set; } = [];

    public IReadOnlyList<Question> Questions { get; private set; } = [];

    public IReadOnlyList<RegisteredSupplier> Invited { get; private set; } = [];

    [BindProperty]
    public string? NewQuestion { get; set; }

    public bool CanAsk => Actor?.IsSupplier == true && Procedure.Status == ProcedureStatus.Published
        && Procedure.Timetable is { } t && time.GetUtcNow() < (t.ClarificationMeeting ?? t.SubmissionDeadline)
        && (Procedure.InvitedSuppliers.IsDefaultOrEmpty || Procedure.InvitedSuppliers.Contains(Actor.Username));

    public bool Manages => Actor?.ActsFor(Procedure.UnitId) == true;

    /// <summary>The bidders' legal names, once the offers are revealed.</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public EngineLinks Engine => EngineLinks.Of(configuration);

    /// <summary>A supplier that may send (or replace) its offer now: the call is taking offers and it is open to it.</summary>
    public bool CanOffer => Actor?.IsSupplier == true && Procedure.Status == ProcedureStatus.Published
        && Procedure.Timetable is { } t && time.GetUtcNow() < t.SubmissionDeadline
        && (Procedure.InvitedSuppliers.IsDefaultOrEmpty || Procedure.InvitedSuppliers.Contains(Actor.Username));

    /// <summary>The signed-in supplier is one of the bidders of the auction running now.</summary>
    public bool BidsInAuction => Actor?.IsSupplier == true && Procedure is { Status: ProcedureStatus.Auction, AuctionOutcome: not null }
        && Procedure.Evaluations.Any(e => e.Admissible && e.SupplierId == Actor.Username);

    public string NameOf(string supplierId) => Names.GetValueOrDefault(supplierId, supplierId);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAskAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            var question = await clarifications.AskAsync(Actor ?? throw new PortalForbiddenException(text["error.signin"]), id, NewQuestion, cancellationToken);
            TempData["Notice"] = text.Format("question.sent", question.Number);
            return Redirect($"/procedimientos/{id}#preguntas");
        }
        catch (PortalValidationException ex)
        {
            foreach (var (_, messages) in ex.Errors)
            {
                ModelState.AddModelError(nameof(NewQuestion), string.Join(" ", messages.Select(m => ServiceMessages.Localize(m, text))));
            }
        }
        catch (Exception ex) when (ex is PortalForbiddenException or PortalConflictException)
        {
            ModelState.AddModelError(nameof(NewQuestion), ServiceMessages.Localize(ex.Message, text));
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        Actor = await actors.FromAsync(User, cancellationToken);
        try
        {
            Procedure = await service.GetAsync(Actor, id, cancellationToken);
        }
        catch (PortalNotFoundException)
        {
            return false;
        }

        var insider = Actor?.ActsFor(Procedure.UnitId) == true || Actor?.IsAuditor == true;
        Unit = await units.FindAsync(Procedure.UnitId, cancellationToken);
        Timeline = await store.EventsAsync(id, insider, cancellationToken);
        Documents = await documents.ListAsync("procedure", id, insider, cancellationToken);
        Questions = await clarifications.ListAsync(Actor, id, cancellationToken);
        Invited = await suppliers.FindManyAsync(Procedure.InvitedSuppliers, cancellationToken);
        if (Procedure.Opening is { } opening)
        {
            Names = (await suppliers.FindManyAsync([.. opening.Offers.Select(o => o.SupplierId).Distinct(StringComparer.Ordinal)], cancellationToken))
                .ToDictionary(s => s.SupplierId, s => s.LegalName, StringComparer.Ordinal);
        }

        if (Procedure.Status == ProcedureStatus.Awarded
            && await contracts.FindAsync(Features.Contracts.Contract.IdFor(id), cancellationToken) is { DateSigned: not null } signed)
        {
            Contract = ContractService.PublicView(signed);
            Account = ExecutionRules.Account(Contract, await payments.ListAsync(signed.Id, cancellationToken), DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        }

        if (Procedure.Award is { } award)
        {
            Supplier = await suppliers.FindAsync(award.SupplierId, cancellationToken);
        }

        return true;
    }
}
