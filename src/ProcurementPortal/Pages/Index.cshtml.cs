using CompraNet.ProcurementPortal.Features.Procedures;
using CompraNet.ProcurementPortal.Features.Units;
using CompraNet.ProcurementPortal.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CompraNet.ProcurementPortal.Pages;

/// <summary>The public portal's home: search published procedures by text, buyer, type, status, dates and amount.</summary>
public sealed class IndexModel(ProcedureStore procedures, UnitStore units, PortalText text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "unit")]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "min")]
    public decimal? Min { get; set; }

    [BindProperty(SupportsGet = true, Name = "max")]
    public decimal? Max { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ProcedureSummary> Results { get; private set; } = [];

    public int Total { get; private set; }

    public IReadOnlyList<BuyingUnit> Units { get; private set; } = [];

    public static readonly IReadOnlyList<string> Statuses =
        [ProcedureStatus.Published, ProcedureStatus.Opened, ProcedureStatus.Evaluated, ProcedureStatus.Auction, ProcedureStatus.Awarded, ProcedureStatus.Deserted, ProcedureStatus.Cancelled];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Units = await units.ListAsync(cancellationToken);
        if (Type is { Length: > 0 } && !ProcedureType.IsValid(Type))
        {
            ModelState.AddModelError("type", text["search.badType"]);
        }

        if (Status is { Length: > 0 } && !Statuses.Contains(Status))
        {
            ModelState.AddModelError("status", text["search.badStatus"]);
        }

        if (Min is { } min && Max is { } max && min > max)
        {
            ModelState.AddModelError("max", text["search.badRange"]);
        }

        if (From is { } from && To is { } to && from > to)
        {
            ModelState.AddModelError("to", text["search.badDates"]);
        }

        if (Query?.Length > 200)
        {
            ModelState.AddModelError("q", text["search.tooLong"]);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        (Results, Total) = await procedures.SearchAsync(new ProcedureQuery
        {
            Text = string.IsNullOrWhiteSpace(Query) ? null : Query.Trim(),
            UnitId = string.IsNullOrWhiteSpace(Unit) ? null : Unit,
            Type = string.IsNullOrWhiteSpace(Type) ? null : Type,
            Status = string.IsNullOrWhiteSpace(Status) ? null : Status,
            PublishedFrom = From,
            PublishedTo = To,
            MinAmount = Min,
            MaxAmount = Max,
            Page = PageNumber,
        }, cancellationToken);
    }

    public string PageLink(int page)
    {
        var query = HttpContext.Request.Query.Where(q => q.Key != "pagina").SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"));
        return "/?" + string.Join('&', query.Append($"pagina={page}"));
    }
}
