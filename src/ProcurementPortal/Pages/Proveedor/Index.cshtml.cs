using CompraNet.ProcurementPortal.Features.Clarifications;
using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Contracts;
using CompraNet.ProcurementPortal.Features.Execution;
using CompraNet.ProcurementPortal.Features.Interconnection;
using CompraNet.ProcurementPortal.Features.Offers;
using CompraNet.ProcurementPortal.Features.Procedures;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CompraNet.ProcurementPortal.Pages.Proveedor;

/// <summary>
/// A supplier's home: the calls that invite it (restricted invitations and direct awards naming it), the open
/// tenders taking offers, newest first, its offers (receipts before the opening, results after) and the questions it
/// asked with whether they are answered; its contracts with the next payment's due date and what is overdue.
/// </summary>
public sealed class IndexModel(
    PortalActors actors, ProcedureStore procedures, QuestionStore questions, OfferService offers, ContractStore contracts, PaymentStore payments, TimeProvider time, IConfiguration configuration) : PageModel
{
    private static readonly string[] AfterOpening = [ProcedureStatus.Opened, ProcedureStatus.Evaluated, ProcedureStatus.Auction, ProcedureStatus.Awarded, ProcedureStatus.Deserted];

    public IReadOnlyList<SupplierOffer> Offers { get; private set; } = [];

    public string SupplierId { get; private set; } = "";

    public Web.EngineLinks Engine => Web.EngineLinks.Of(configuration);

    public IReadOnlyList<Procedure> Invitations { get; private set; } = [];

    public IReadOnlyList<ProcedureSummary> OpenCalls { get; private set; } = [];

    /// <summary>The contracts drawn up from the supplier's awards.</summary>
    public IReadOnlyList<Contract> Contracts { get; private set; } = [];

    /// <summary>Each signed contract's account today, by contract id.</summary>
    public IReadOnlyDictionary<string, ContractAccount> Accounts { get; private set; } = new Dictionary<string, ContractAccount>();

    public IReadOnlyList<Question> Questions { get; private set; } = [];

    /// <summary>The title of each procedure the supplier asked about.</summary>
    public IReadOnlyDictionary<string, string> Titles { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = await actors.RequireAsync(User, cancellationToken);
        Invitations = await procedures.ListInvitingAsync(actor.Username, cancellationToken);

        var open = new List<ProcedureSummary>();
        foreach (var type in new[] { ProcedureType.OpenNational, ProcedureType.OpenInternational })
        {
            var (page, _) = await procedures.SearchAsync(new ProcedureQuery { Type = type, Status = ProcedureStatus.Published }, cancellationToken);
            open.AddRange(page);
        }

        OpenCalls = [.. open.OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Id, StringComparer.Ordinal).Take(ProcedureQuery.PageSize)];

        Questions = await questions.ListBySupplierAsync(actor.Username, cancellationToken);
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in Questions.Select(q => q.ProcedureId).Distinct(StringComparer.Ordinal))
        {
            if (await procedures.FindAsync(id, cancellationToken) is { } procedure)
            {
                titles[id] = procedure.Title;
            }
        }

        Titles = titles;
        SupplierId = actor.Username;
        Offers = await OffersAsync(actor, cancellationToken);
        var won = new List<Contract>();
        foreach (var offer in Offers.Where(o => o.Procedure.Award?.SupplierId == actor.Username))
        {
            if (await contracts.FindAsync(Contract.IdFor(offer.Procedure.Id), cancellationToken) is { } contract && contract.SupplierId == actor.Username)
            {
                won.Add(contract);
            }
        }

        Contracts = won;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var accounts = new Dictionary<string, ContractAccount>(StringComparer.Ordinal);
        foreach (var contract in won.Where(c => c.Status != ContractStatus.Pending))
        {
            accounts[contract.Id] = ExecutionRules.Account(contract, await payments.ListAsync(contract.Id, cancellationToken), today);
        }

        Accounts = accounts;
    }

    /// <summary>Whether the contract's current version waits for this supplier's signature.</summary>
    public static bool AwaitsSignature(Contract contract) =>
        contract.Current.EffectiveAt is null && !contract.Current.Signatures.Any(s => s.Party == ContractService.SupplierParty);

    /// <summary>
    /// Every procedure with an offer of this supplier. The engine keeps the sealed offers per tender (the portal has no
    /// index of them by supplier), so before the opening each call the supplier may offer to is asked for its own
    /// receipts; after it, the procedure's record lists the revealed offers.
    /// </summary>
    private async Task<IReadOnlyList<SupplierOffer>> OffersAsync(PortalActor actor, CancellationToken cancellationToken)
    {
        var found = new List<SupplierOffer>();
        foreach (var id in await procedures.IdsWithStatusAsync(ProcedureStatus.Published, cancellationToken))
        {
            if (await procedures.FindAsync(id, cancellationToken) is not { } procedure
                || (!procedure.InvitedSuppliers.IsDefaultOrEmpty && !procedure.InvitedSuppliers.Contains(actor.Username)))
            {
                continue;
            }

            try
            {
                var status = await offers.StatusAsync(actor, id, cancellationToken);
                if (status.OwnOffers.MaxBy(o => o.Receipt.Sequence) is { } latest)
                {
                    found.Add(new SupplierOffer(procedure, latest, null));
                }
            }
            catch (Exception ex) when (ex is PortalNotFoundException or PortalUnavailableException)
            {
                // A call without a tender (or one out of reach for a moment) has no receipts to show.
            }
        }

        foreach (var status in AfterOpening)
        {
            foreach (var id in await procedures.IdsWithStatusAsync(status, cancellationToken))
            {
                if (await procedures.FindAsync(id, cancellationToken) is { Opening: { } opening } procedure
                    && opening.Offers.FirstOrDefault(o => o.SupplierId == actor.Username) is { } revealed)
                {
                    found.Add(new SupplierOffer(procedure, null, revealed));
                }
            }
        }

        return [.. found.OrderByDescending(o => o.Procedure.UpdatedAt).ThenBy(o => o.Procedure.Id, StringComparer.Ordinal)];
    }
}
