using CompraNet.ProcurementPortal.Features.Plans;
using CompraNet.ProcurementPortal.Features.Units;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CompraNet.ProcurementPortal.Pages.Planes;

/// <summary>The published annual plans of every buying unit (drafts never appear here).</summary>
public sealed class IndexModel(PlanStore plans, UnitStore units) : PageModel
{
    public IReadOnlyList<AnnualPlan> Plans { get; private set; } = [];

    public IReadOnlyDictionary<string, BuyingUnit> Units { get; private set; } = new Dictionary<string, BuyingUnit>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Plans = await plans.ListAsync(null, includeDrafts: false, cancellationToken);
        Units = (await units.ListAsync(cancellationToken)).ToDictionary(u => u.Id, StringComparer.Ordinal);
    }
}
