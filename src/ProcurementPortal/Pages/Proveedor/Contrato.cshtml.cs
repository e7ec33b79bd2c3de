using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Contracts;
using CompraNet.ProcurementPortal.Pages.Shared;
using CompraNet.ProcurementPortal.Web;

namespace CompraNet.ProcurementPortal.Pages.Proveedor;

/// <summary>
/// The awarded supplier's view of its contract: the current version (the contract, or an amendment the unit
/// proposed) with its SHA-256, to read and sign; every version with what it changed. Other suppliers find nothing.
/// </summary>
public sealed class ContratoModel(PortalActors actors, ContractService contracts, PortalText text) : ContractPageModel(actors, contracts, text)
{
    public override string Party => ContractService.SupplierParty;

    protected override string PagePath => "/proveedor/contratos";

    protected override bool IsParty(PortalActor actor, Contract contract) => actor.IsSupplier && actor.Username == contract.SupplierId;
}
