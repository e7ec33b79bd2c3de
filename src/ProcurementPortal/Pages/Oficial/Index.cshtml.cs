using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Plans;
using CompraNet.ProcurementPortal.Features.Procedures;
using CompraNet.ProcurementPortal.Features.Units;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CompraNet.ProcurementPortal.Pages.Oficial;

/// <summary>An official's home: its buying unit's annual plans (drafts included) and procedures, and where to start new ones.</summary>
public sealed class IndexModel(PortalActors actors, UnitStore units, PlanStore plans, ProcedureStore procedures) : PageModel
{
    public BuyingUnit? Unit { get; private set; }

    public IReadOnlyList<AnnualPlan> Plans { get; private set; } = [];

    public IReadOnlyList<ProcedureSummary> Procedures { get; private set; } = [];

    /// <summary>True when a published plan has a line with budget left, so a procedure can start.</summary>
    public bool CanStartProcedure => Plans.Any(p => p.IsPublished && p.Lines.Any(l => l.Available > 0));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = await actors.RequireAsync(User, cancellationToken);
        if (actor.UnitId is not { } unitId)
        {
            return;
        }

        Unit = await units.FindAsync(unitId, cancellationToken);
        Plans = await plans.ListAsync(unitId, includeDrafts: true, cancellationToken);
        Procedures = await procedures.ListForUnitAsync(unitId, cancellationToken);
    }
}
