using CompraNet.ProcurementPortal.Features.Procedures;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CompraNet.ProcurementPortal.Pages;

/// <summary>How to reuse the portal's data: the OCDS API, with a record of the latest published procedure as an example.</summary>
public sealed class DatosAbiertosModel(ProcedureStore procedures) : PageModel
{
    public ProcedureSummary? Latest { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (page, _) = await procedures.SearchAsync(new ProcedureQuery(), cancellationToken);
        Latest = page.FirstOrDefault();
    }
}
