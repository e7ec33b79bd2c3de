using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Documents;
using CompraNet.ProcurementPortal.Features.Plans;
using CompraNet.ProcurementPortal.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CompraNet.ProcurementPortal.Pages.Oficial.Planes;

/// <summary>
/// The unit's plan: while a draft, its officials add planned purchases and publish it (after confirming); once
/// published it is read-only and each line with budget left offers to start a procedure. PlanService re-checks
/// on every post that the plan is the official's unit's.
/// </summary>
public sealed class DetalleModel(PortalActors actors, PlanService service, DocumentStore documents, PortalText text) : PageModel
{
    public AnnualPlan Plan { get; private set; } = null!;

    public IReadOnlyList<PortalDocument> Documents { get; private set; } = [];

    [BindProperty]
    public string? BudgetKey { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? Cucop { get; set; }

    [BindProperty]
    public string? EstimatedAmount { get; set; }

    [BindProperty]
    public string? Currency { get; set; } = "MXN";

    [BindProperty]
    public string? PlannedMethod { get; set; }

    [BindProperty]
    public string? PlannedStart { get; set; }

    [BindProperty]
    public bool ConfirmPublish { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAddLineAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        var actor = await actors.RequireAsync(User, cancellationToken);
        if (!FormValues.TryDecimal(EstimatedAmount, out var amount))
        {
            ModelState.AddModelError("estimatedAmount", text["form.badNumber"]);
        }

        if (!FormValues.TryMonth(PlannedStart, out var start))
        {
            ModelState.AddModelError("plannedStart", text["form.badMonth"]);
        }

        if (ModelState.ErrorCount == 0)
        {
            try
            {
                var plan = await service.AddLineAsync(actor, id, new PlanLineRequest(BudgetKey?.Trim(), Description, Cucop?.Trim(), amount,
                    Currency?.Trim().ToUpperInvariant(), PlannedMethod, start), cancellationToken);
                TempData["Notice"] = text.Format("plan.lineAdded", plan.Lines[^1].LineNo);
                return Redirect($"/oficial/planes/{id}#lineas");
            }
            catch (Exception ex) when (ex is PortalValidationException or PortalForbiddenException or PortalConflictException or PortalNotFoundException)
            {
                ModelState.AddError(ex, "line", text);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        var actor = await actors.RequireAsync(User, cancellationToken);
        if (!ConfirmPublish)
        {
            ModelState.AddModelError("confirm", text["plan.confirmMissing"]);
        }
        else
        {
            try
            {
                await service.PublishAsync(actor, id, cancellationToken);
                TempData["Notice"] = text["plan.published"];
                return Redirect($"/oficial/planes/{id}");
            }
            catch (Exception ex) when (ex is PortalValidationException or PortalForbiddenException or PortalConflictException or PortalNotFoundException)
            {
                ModelState.AddError(ex, "publish", text);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Loads the plan; null when this page shows it, else where to go instead (404, or another unit's published plan's public page).</summary>
    private async Task<IActionResult?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var actor = await actors.RequireAsync(User, cancellationToken);
        try
        {
            Plan = await service.GetAsync(actor, id, cancellationToken);
        }
        catch (PortalNotFoundException)
        {
            return NotFound();
        }

        if (!actor.ActsFor(Plan.UnitId))
        {
            return Redirect($"/planes/{Uri.EscapeDataString(id)}");
        }

        Documents = await documents.ListAsync("plan", id, includeInternal: true, cancellationToken);
        return null;
    }
}
