using CompraNet.ProcurementPortal.Features.Clarifications;
using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Documents;
using CompraNet.ProcurementPortal.Features.Procedures;
using CompraNet.ProcurementPortal.Features.Suppliers;
using CompraNet.ProcurementPortal.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CompraNet.ProcurementPortal.Pages.Oficial.Procedimientos;

/// <summary>
/// Where the unit's officials run one procedure: publish or edit the draft, cancel with a reason, answer the
/// questions, and read the whole timeline (internal steps included) and documents. Another unit's draft is not
/// found here; another unit's published procedure sends the official to its public page.
/// </summary>
public sealed class DetalleModel(
    PortalActors actors, ProcedureService service, ProcedureStore store, SupplierStore suppliers, DocumentStore documents,
    ClarificationService clarifications, PortalText text) : PageModel
{
    public Procedure Procedure { get; private set; } = null!;

    public IReadOnlyList<ProcedureEvent> Timeline { get; private set; } = [];

    public IReadOnlyList<PortalDocument> Documents { get; private set; } = [];

    public IReadOnlyList<Question> Questions { get; private set; } = [];

    public IReadOnlyList<RegisteredSupplier> Invited { get; private set; } = [];

    /// <summary>The service's warnings about the last save (e.g. the unit's non-open share over its cap).</summary>
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    [BindProperty]
    public bool ConfirmPublish { get; set; }

    [BindProperty]
    public string? CancelReason { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    /// <summary>The question whose answer was refused, to show the typed answer back under it.</summary>
    public int? AnsweringNumber { get; private set; }

    public bool IsDraft => Procedure.Status == ProcedureStatus.Draft;

    public bool CanCancel => Procedure.Status is not (ProcedureStatus.Awarded or ProcedureStatus.Cancelled);

    public bool TakesAnswers => Procedure.Status is not (ProcedureStatus.Draft or ProcedureStatus.Cancelled);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        Warnings = TempData["Warnings"] as string[] ?? [];
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public Task<IActionResult> OnPostPublishAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, "publish", async actor =>
        {
            if (!ConfirmPublish)
            {
                throw PortalValidationException.Of("confirm", text["procedure.confirmMissing"]);
            }

            var outcome = await service.PublishAsync(actor, id, cancellationToken);
            TempData["Warnings"] = outcome.Warnings.ToArray();
            return text["procedure.publishedNotice"];
        }, cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, "cancel", async actor =>
        {
            await service.CancelAsync(actor, id, CancelReason, cancellationToken);
            return text["procedure.cancelledNotice"];
        }, cancellationToken);

    public Task<IActionResult> OnPostAnswerAsync(string id, int number, CancellationToken cancellationToken)
    {
        AnsweringNumber = number;
        return ActAsync(id, $"answer-{number}", async actor =>
        {
            var question = await clarifications.AnswerAsync(actor, id, number, Answer, cancellationToken);
            return text.Format("question.answered", question.Number);
        }, cancellationToken);
    }

    /// <summary>The key a refused action's errors are shown under (a validation error's own field, or the action's).</summary>
    public static string ErrorKey(string action, string field) => field is "reason" or "answer" or "confirm" ? $"{action}.{field}" : field;

    /// <summary>Runs one action through the services as the signed-in official; on success back to this page, else this page with the errors (400).</summary>
    private async Task<IActionResult> ActAsync(string id, string action, Func<PortalActor, Task<string>> act, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        try
        {
            TempData["Notice"] = await act(await actors.RequireAsync(User, cancellationToken));
            return Redirect($"/oficial/procedimientos/{Uri.EscapeDataString(id)}");
        }
        catch (PortalValidationException ex)
        {
            ModelState.AddErrors(ex.Errors.ToDictionary(e => ErrorKey(action, e.Key), e => e.Value), text);
        }
        catch (Exception ex) when (ex is PortalForbiddenException or PortalConflictException or PortalNotFoundException)
        {
            ModelState.AddModelError(action, ServiceMessages.Localize(ex.Message, text));
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Loads the procedure for its unit's official; otherwise where to go instead.</summary>
    private async Task<IActionResult?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var actor = await actors.RequireAsync(User, cancellationToken);
        try
        {
            Procedure = await service.GetAsync(actor, id, cancellationToken);
        }
        catch (PortalNotFoundException)
        {
            return NotFound();
        }

        if (!actor.ActsFor(Procedure.UnitId))
        {
            return Redirect($"/procedimientos/{Uri.EscapeDataString(id)}");
        }

        Timeline = await store.EventsAsync(id, includeInternal: true, cancellationToken);
        Documents = await documents.ListAsync("procedure", id, includeInternal: true, cancellationToken);
        Questions = await clarifications.ListAsync(actor, id, cancellationToken);
        Invited = await suppliers.FindManyAsync(Procedure.InvitedSuppliers, cancellationToken);
        return null;
    }
}
