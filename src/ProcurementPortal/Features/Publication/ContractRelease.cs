using CompraNet.ProcurementPortal.Features.Contracts;
using CompraNet.ProcurementPortal.Features.Documents;

namespace CompraNet.ProcurementPortal.Features.Publication;

/// <summary>A contract as a release shows it: its state and its public documents (the versions of its text).</summary>
public sealed record ContractRelease(Contract Contract, IReadOnlyList<PortalDocument> Documents);
