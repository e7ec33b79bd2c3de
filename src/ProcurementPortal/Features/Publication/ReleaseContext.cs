using CompraNet.ProcurementPortal.Features.Documents;
using CompraNet.ProcurementPortal.Features.Plans;
using CompraNet.ProcurementPortal.Features.Procedures;
using CompraNet.ProcurementPortal.Features.Suppliers;
using CompraNet.ProcurementPortal.Features.Units;

namespace CompraNet.ProcurementPortal.Features.Publication;

/// <summary>
/// Everything one release of a procedure says, gathered by the caller: the builder reads nothing else. Contracts come
/// with their public documents once the award has one.
/// </summary>
public sealed record ReleaseContext(
    Procedure Procedure,
    BuyingUnit Unit,
    PlanLine Line,
    IReadOnlyList<RegisteredSupplier> InvitedSuppliers,
    IReadOnlyList<RegisteredSupplier> Bidders,
    IReadOnlyList<PortalDocument> Documents,
    IReadOnlyList<string> Tags,
    DateTimeOffset Date,
    IReadOnlyList<ContractRelease>? Contracts = null);
