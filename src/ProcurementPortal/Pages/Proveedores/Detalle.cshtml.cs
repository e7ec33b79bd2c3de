using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Execution;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CompraNet.ProcurementPortal.Pages.Proveedores;

/// <summary>
/// A registered supplier's public page: who it is (legal name, RFC, SME) and its record from its contracts: how many
/// it won and for how much, deliveries on time, rejections, amendments (beyond the 20% limit too), penalties,
/// rescissions and guarantees called, each contract linking to its procedure. A supplier not in the registry is not found.
/// </summary>
public sealed class DetalleModel(SupplierPerformanceService performance) : PageModel
{
    public SupplierPerformance Record { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            Record = await performance.GetAsync(id, cancellationToken);
        }
        catch (PortalNotFoundException)
        {
            return NotFound();
        }

        return Page();
    }
}
