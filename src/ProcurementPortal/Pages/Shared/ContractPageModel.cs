using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Contracts;
using CompraNet.ProcurementPortal.Features.Execution;
using CompraNet.ProcurementPortal.Features.Interconnection;
using CompraNet.ProcurementPortal.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CompraNet.ProcurementPortal.Pages.Shared;

/// <summary>
/// What the official's and the supplier's contract pages share: the contract for one of its parties (anyone else is
/// told it is not found), the diff of a version asked with <c>?diff=n</c>, and signing the current version on the
/// SHA-256 the page showed, so a version changed meanwhile is refused rather than signed unseen. Once signed, its
/// execution: the account of the day (from the contract and the treasury's payments) beside the deliveries.
/// </summary>
public abstract class ContractPageModel(PortalActors actors, ContractService contracts, ExecutionService execution, PaymentStore payments, TimeProvider time, PortalText text) : PageModel
{
    public Contract Contract { get; private set; } = null!;

    /// <summary>The contract's money today; null while it waits for its signatures.</summary>
    public ContractAccount? Account { get; private set; }

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>The delivery or invoice a refused form was posted for, so only its form shows back what was typed.</summary>
    public string? Posted { get; protected set; }

    /// <summary>The contract is signed and has not ended: deliveries are scheduled, reported and decided.</summary>
    public bool InForce => Contract.Status == ContractStatus.Active && Contract.Termination is null;

    /// <summary>What the version asked with <c>?diff=n</c> changed from the one before.</summary>
    public ContractDiff? Diff { get; private set; }

    /// <summary>The SHA-256 of the version the signer read, posted back with the signature.</summary>
    [BindProperty]
    public string? Sha256 { get; set; }

    protected ContractService Contracts => contracts;

    protected ExecutionService Execution => execution;

    protected PortalText Text => text;

    /// <summary>This page's party (<see cref="ContractService.BuyerParty"/> or <see cref="ContractService.SupplierParty"/>).</summary>
    public abstract string Party { get; }

    protected abstract string PagePath { get; }

    /// <summary>Whether the current version waits for this page's party's signature.</summary>
    public bool AwaitsSignature => Contract.Current.EffectiveAt is null && !Contract.Current.Signatures.Any(s => s.Party == Party);

    public async Task<IActionResult> OnGetAsync(string id, int? diff, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        if (diff is { } number)
        {
            try
            {
                Diff = await contracts.DiffAsync(id, number, cancellationToken);
            }
            catch (PortalNotFoundException)
            {
                return NotFound();
            }
        }

        return Page();
    }

    public Task<IActionResult> OnPostSignAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, "sign", async actor =>
        {
            var signed = await contracts.SignAsync(actor, id, new SignContractRequest(Sha256?.Trim()), cancellationToken);
            return signed.Current.EffectiveAt is null
                ? text.Format("contract.signedNotice", signed.Current.Number)
                : text.Format("contract.effectiveNotice", signed.Current.Number);
        }, cancellationToken);

    /// <summary>Whether the signed-in actor is a party to the contract on this page.</summary>
    protected abstract bool IsParty(PortalActor actor, Contract contract);

    /// <summary>Runs one action as the signed-in party; on success back to this page with a notice, else this page with the errors (400).</summary>
    protected async Task<IActionResult> ActAsync(string id, string action, Func<PortalActor, Task<string>> act, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        try
        {
            TempData["Notice"] = await act(await actors.RequireAsync(User, cancellationToken));
            return Redirect($"{PagePath}/{Uri.EscapeDataString(id)}");
        }
        catch (PortalValidationException ex)
        {
            ModelState.AddErrors(ex.Errors.ToDictionary(e => $"{action}.{e.Key}", e => e.Value), text);
        }
        catch (Exception ex) when (ex is PortalForbiddenException or PortalConflictException or PortalNotFoundException)
        {
            ModelState.AddModelError(action, ServiceMessages.Localize(ex.Message, text));
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var actor = await actors.RequireAsync(User, cancellationToken);
        try
        {
            Contract = await contracts.GetAsync(id, cancellationToken);
        }
        catch (PortalNotFoundException)
        {
            return NotFound();
        }

        if (!IsParty(actor, Contract))
        {
            return NotFound();
        }

        if (Contract.Status != ContractStatus.Pending)
        {
            Account = ExecutionRules.Account(Contract, await payments.ListAsync(Contract.Id, cancellationToken), Today);
        }

        return null;
    }
}
