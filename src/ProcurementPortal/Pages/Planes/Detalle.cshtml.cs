using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Documents;
using CompraNet.ProcurementPortal.Features.Plans;
using CompraNet.ProcurementPortal.Features.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CompraNet.ProcurementPortal.Pages.Planes;

/// <summary>An annual plan's lines, with what each has committed to procedures, and every published version of the plan's document.</summary>
public sealed class DetalleModel(PortalActors actors, PlanService service, UnitStore units, DocumentStore documents) : PageModel
{
    public AnnualPlan Plan { get; private set; } = null!;

    public BuyingUnit? Unit { get; private set; }

    public IReadOnlyList<PortalDocument> Documents { get; private set; } = [];

    public bool Manages { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var actor = await actors.FromAsync(User, cancellationToken);
        try
        {
            Plan = await service.GetAsync(actor, id, cancellationToken);
        }
        catch (PortalNotFoundException)
        {
            return NotFound();
        }

        Manages = actor?.ActsFor(Plan.UnitId) == true;
        Unit = await units.FindAsync(Plan.UnitId, cancellationToken);
        Documents = await documents.ListAsync("plan", id, includeInternal: false, cancellationToken);
        return Page();
    }
}
