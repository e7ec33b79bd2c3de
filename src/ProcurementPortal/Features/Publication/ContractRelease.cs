using CompraNet.ProcurementPortal.Features.Contracts;
using CompraNet.ProcurementPortal.Features.Documents;
using CompraNet.ProcurementPortal.Features.Interconnection;

namespace CompraNet.ProcurementPortal.Features.Publication;

/// <summary>A contract as a release shows it: its state, its public documents (the versions of its text, acceptance and termination records) and the treasury's payments on it.</summary>
public sealed record ContractRelease(Contract Contract, IReadOnlyList<PortalDocument> Documents, IReadOnlyList<TreasuryPayment>? Payments = null);
