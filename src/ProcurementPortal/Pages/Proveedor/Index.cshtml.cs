using CompraNet.ProcurementPortal.Features.Clarifications;
using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Procedures;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CompraNet.ProcurementPortal.Pages.Proveedor;

/// <summary>
/// A supplier's home: the calls that invite it (restricted invitations and direct awards naming it), the open
/// tenders taking offers, newest first, and the questions it asked with whether they are answered.
/// </summary>
public sealed class IndexModel(PortalActors actors, ProcedureStore procedures, QuestionStore questions) : PageModel
{
    public IReadOnlyList<Procedure> Invitations { get; private set; } = [];

    public IReadOnlyList<ProcedureSummary> OpenCalls { get; private set; } = [];

    public IReadOnlyList<Question> Questions { get; private set; } = [];

    /// <summary>The title of each procedure the supplier asked about.</summary>
    public IReadOnlyDictionary<string, string> Titles { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = await actors.RequireAsync(User, cancellationToken);
        Invitations = await procedures.ListInvitingAsync(actor.Username, cancellationToken);

        var open = new List<ProcedureSummary>();
        foreach (var type in new[] { ProcedureType.OpenNational, ProcedureType.OpenInternational })
        {
            var (page, _) = await procedures.SearchAsync(new ProcedureQuery { Type = type, Status = ProcedureStatus.Published }, cancellationToken);
            open.AddRange(page);
        }

        OpenCalls = [.. open.OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Id, StringComparer.Ordinal).Take(ProcedureQuery.PageSize)];

        Questions = await questions.ListBySupplierAsync(actor.Username, cancellationToken);
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in Questions.Select(q => q.ProcedureId).Distinct(StringComparer.Ordinal))
        {
            if (await procedures.FindAsync(id, cancellationToken) is { } procedure)
            {
                titles[id] = procedure.Title;
            }
        }

        Titles = titles;
    }
}
