using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Plans;
using CompraNet.ProcurementPortal.Features.Procedures;
using CompraNet.ProcurementPortal.Features.Suppliers;
using CompraNet.ProcurementPortal.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CompraNet.ProcurementPortal.Pages.Oficial.Procedimientos;

/// <summary>
/// One form for a whole procedure, new (Nuevo.cshtml: <c>/oficial/procedimientos/nuevo?plan=…&amp;linea=…</c>) or a
/// draft (Editar.cshtml: <c>/oficial/procedimientos/{id}/editar</c>); both pages render _ProcedureForm.cshtml. Rows are added and removed by posting the form back (no script
/// needed); saving goes through ProcedureService, which checks everything again for the signed-in official's unit.
/// </summary>
public sealed class ProcedureFormModel(
    PortalActors actors, ProcedureService service, PlanStore plans, SupplierStore suppliers, TimeProvider time, PortalText text) : PageModel
{
    [BindProperty]
    public ProcedureForm Form { get; set; } = new();

    /// <summary>The draft being edited; null for a new procedure.</summary>
    public Procedure? Draft { get; private set; }

    /// <summary>The unit's published plans, whose lines the procedure can start from.</summary>
    public IReadOnlyList<AnnualPlan> Plans { get; private set; } = [];

    public IReadOnlyList<RegisteredSupplier> Suppliers { get; private set; } = [];

    public bool HasUnit { get; private set; }

    public string Heading => Draft is { } draft ? text.Format("form.editTitle", draft.Id) : text["form.newTitle"];

    public async Task<IActionResult> OnGetAsync(string? id, [FromQuery(Name = "plan")] string? planId, [FromQuery(Name = "linea")] int? lineNo, CancellationToken cancellationToken)
    {
        var (actor, elsewhere) = await LoadAsync(id, cancellationToken);
        if (elsewhere is not null)
        {
            return elsewhere;
        }

        if (Draft is { } draft)
        {
            Form = ProcedureForm.Of(draft);
        }
        else if (Plans.FirstOrDefault(p => p.Id == planId) is { } plan && lineNo is { } no && plan.Line(no) is { } line && actor.ActsFor(plan.UnitId))
        {
            Form = ProcedureForm.ForLine(plan, line);
        }

        EnsureRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id, string? addItem, string? addLot, int? removeItem, int? removeLot, CancellationToken cancellationToken)
    {
        var (actor, elsewhere) = await LoadAsync(id, cancellationToken);
        if (elsewhere is not null)
        {
            return elsewhere;
        }

        // The page shows Form as it is after this post (rows added, removed or compacted), not the raw values posted.
        ModelState.Clear();
        if (addItem is not null || addLot is not null || removeItem is not null || removeLot is not null)
        {
            EditRows(addItem is not null, addLot is not null, removeItem, removeLot);
            return Page();
        }

        Form.DropBlankRows();

        var unreadable = new Dictionary<string, string>(StringComparer.Ordinal);
        var request = Form.ToRequest(unreadable, time.GetUtcNow(), text);
        if (unreadable.Count > 0)
        {
            // Nothing is saved; the rest of the form is checked by the same rules the service applies, so every error shows at once.
            var rules = await RuleErrorsAsync(actor, request, cancellationToken);
            ModelState.AddErrors(rules.Where(e => !unreadable.ContainsKey(e.Key)).ToDictionary(), text);
            ModelState.AddErrors(unreadable.ToDictionary(e => e.Key, e => new[] { e.Value }), text);
            return Refused();
        }

        try
        {
            var outcome = Draft is null
                ? await service.CreateAsync(actor, request, cancellationToken)
                : await service.UpdateDraftAsync(actor, Draft.Id, request, cancellationToken);
            TempData["Notice"] = text.Format(Draft is null ? "procedure.createdNotice" : "procedure.savedNotice", outcome.Procedure.Id);
            TempData["Warnings"] = outcome.Warnings.ToArray();
            return Redirect($"/oficial/procedimientos/{outcome.Procedure.Id}");
        }
        catch (Exception ex) when (ex is PortalValidationException or PortalForbiddenException or PortalConflictException or PortalNotFoundException)
        {
            ModelState.AddError(ex, "form", text);
        }

        return Refused();
    }

    public string Label(string key) => ProcedureForm.Label(key, text);

    private IActionResult Refused()
    {
        EnsureRows();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The official, the unit's plans and the registry; for an edit, the draft (404 when it is not one of the unit's drafts).</summary>
    private async Task<(PortalActor Actor, IActionResult? Elsewhere)> LoadAsync(string? id, CancellationToken cancellationToken)
    {
        var actor = await actors.RequireAsync(User, cancellationToken);
        HasUnit = actor.UnitId is not null;
        if (id is not null)
        {
            try
            {
                Draft = await service.GetAsync(actor, id, cancellationToken);
            }
            catch (PortalNotFoundException)
            {
                return (actor, NotFound());
            }

            if (!actor.ActsFor(Draft.UnitId))
            {
                return (actor, Redirect($"/procedimientos/{Uri.EscapeDataString(id)}"));
            }

            if (Draft.Status != ProcedureStatus.Draft)
            {
                TempData["Notice"] = text["procedure.notDraft"];
                return (actor, Redirect($"/oficial/procedimientos/{Uri.EscapeDataString(id)}"));
            }
        }

        if (actor.UnitId is { } unitId)
        {
            Plans = await plans.ListAsync(unitId, includeDrafts: false, cancellationToken);
        }

        Suppliers = await suppliers.ListAsync(cancellationToken);
        return (actor, null);
    }

    /// <summary>What <see cref="ProcedureRules.Check"/> says about the request, with the plan line and registry as the service reads them.</summary>
    private async Task<Dictionary<string, string[]>> RuleErrorsAsync(PortalActor actor, ProcedureRequest request, CancellationToken cancellationToken)
    {
        var plan = Plans.FirstOrDefault(p => p.Id == request.PlanId);
        var line = plan is not null && actor.ActsFor(plan.UnitId) && request.PlanLineNo is { } no ? plan.Line(no) : null;
        var own = Draft is { } draft && line is not null && draft.PlanId == plan!.Id && draft.PlanLineNo == line.LineNo ? draft.EstimatedAmount : 0m;
        var invited = (request.InvitedSuppliers ?? []).Distinct(StringComparer.Ordinal).ToArray();
        var known = invited.Length == 0 ? 0 : (await suppliers.FindManyAsync(invited, cancellationToken)).Count;
        return ProcedureRules.Check(request, line, (line?.Available ?? 0m) + own, known);
    }

    private void EditRows(bool addItem, bool addLot, int? removeItem, int? removeLot)
    {
        if (removeItem is { } item && item >= 0 && item < Form.Items.Count)
        {
            Form.Items.RemoveAt(item);
        }

        if (removeLot is { } lot && lot >= 0 && lot < Form.Lots.Count)
        {
            Form.Lots.RemoveAt(lot);
        }

        if (addItem && Form.Items.Count < ProcedureRules.MaxItems)
        {
            Form.Items.Add(new ProcedureFormItem { Id = NextId(Form.Items.Select(i => i.Id)) });
        }

        if (addLot)
        {
            Form.Lots.Add(new ProcedureFormLot());
        }

        EnsureRows();
    }

    /// <summary>At least one item row to fill in.</summary>
    private void EnsureRows()
    {
        if (Form.Items.Count == 0)
        {
            Form.Items.Add(new ProcedureFormItem { Id = "1" });
        }
    }

    private static string NextId(IEnumerable<string?> ids) =>
        ((ids.Select(i => int.TryParse(i, out var n) ? n : 0).DefaultIfEmpty(0).Max()) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
