using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Contracts;
using CompraNet.ProcurementPortal.Pages.Shared;
using CompraNet.ProcurementPortal.Web;
using Microsoft.AspNetCore.Mvc;

namespace CompraNet.ProcurementPortal.Pages.Oficial.Contratos;

/// <summary>
/// The contracting unit's view of a contract: the current version with its SHA-256 and signatures, signing it, and
/// proposing amending agreements (new value and/or end date; beyond 20% only with the law's exception and its
/// justification); every version with what it changed. Another unit's official finds nothing here.
/// </summary>
public sealed class DetalleModel(PortalActors actors, ContractService contracts, PortalText text) : ContractPageModel(actors, contracts, text)
{
    [BindProperty]
    public AmendmentForm Amendment { get; set; } = new();

    public override string Party => ContractService.BuyerParty;

    protected override string PagePath => "/oficial/contratos";

    /// <summary>An amendment is proposed on an active contract whose latest version is in effect.</summary>
    public bool TakesAmendment => Contract.Status == ContractStatus.Active && Contract.Current.EffectiveAt is not null;

    public Task<IActionResult> OnPostAmendAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, "amendment", async actor =>
        {
            var unreadable = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (!FormValues.TryDecimal(Amendment.Value, out var value))
            {
                unreadable["value"] = [Text["form.badNumber"]];
            }

            DateOnly? endDate = null;
            if (!string.IsNullOrWhiteSpace(Amendment.EndDate))
            {
                if (DateOnly.TryParseExact(Amendment.EndDate.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
                {
                    endDate = day;
                }
                else
                {
                    unreadable["endDate"] = [Text["form.badDay"]];
                }
            }

            if (unreadable.Count > 0)
            {
                throw new PortalValidationException(unreadable);
            }

            var amended = await Contracts.AmendAsync(actor, id, new AmendmentRequest(Amendment.Reason, value, endDate, Amendment.Exception, Amendment.Justification), cancellationToken);
            return Text.Format("contract.amendedNotice", amended.Current.Amendment?.Id ?? "", amended.Current.Number);
        }, cancellationToken);

    protected override bool IsParty(PortalActor actor, Contract contract) => actor.IsOfficial && actor.ActsFor(contract.UnitId);
}
