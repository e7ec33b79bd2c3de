using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Plans;
using CompraNet.ProcurementPortal.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CompraNet.ProcurementPortal.Pages.Oficial.Planes;

/// <summary>Drafts the official's unit's annual plan for a fiscal year (the unit is the official's, never the form's).</summary>
public sealed class NuevoModel(PortalActors actors, PlanService service, PlanStore plans, TimeProvider time, PortalText text) : PageModel
{
    [BindProperty]
    public int? FiscalYear { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public bool HasUnit { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = await actors.RequireAsync(User, cancellationToken);
        Years = YearsFrom(time.GetUtcNow());
        HasUnit = actor.UnitId is not null;
        if (actor.UnitId is { } unitId)
        {
            var taken = (await plans.ListAsync(unitId, includeDrafts: true, cancellationToken)).Select(p => p.FiscalYear).ToHashSet();
            var year = time.GetUtcNow().Year;
            FiscalYear = taken.Contains(year) && !taken.Contains(year + 1) ? year + 1 : year;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var actor = await actors.RequireAsync(User, cancellationToken);
        Years = YearsFrom(time.GetUtcNow());
        HasUnit = actor.UnitId is not null;
        try
        {
            var plan = await service.CreateAsync(actor, FiscalYear ?? throw PortalValidationException.Of("fiscalYear", text["plan.yearMissing"]), cancellationToken);
            TempData["Notice"] = text.Format("plan.created", plan.Id);
            return Redirect($"/oficial/planes/{plan.Id}");
        }
        catch (Exception ex) when (ex is PortalValidationException or PortalForbiddenException or PortalConflictException)
        {
            ModelState.AddError(ex, "fiscalYear", text);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private static int[] YearsFrom(DateTimeOffset now) => [now.Year - 1, now.Year, now.Year + 1];
}
