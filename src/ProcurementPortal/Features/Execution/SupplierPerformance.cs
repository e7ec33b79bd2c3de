using System.Collections.Immutable;
using CompraNet.ProcurementPortal.Features.Suppliers;

namespace CompraNet.ProcurementPortal.Features.Execution;

/// <summary>
/// A supplier's record from its contracts: how many it won and for how much, how they ended, its deliveries accepted
/// and on time, rejections, amendments (and those beyond the 20% limit), penalties and guarantees called. Public.
/// </summary>
public sealed record SupplierPerformance(
    RegisteredSupplier Supplier,
    DateOnly AsOf,
    int ContractsWon,
    ImmutableSortedDictionary<string, decimal> ValueByCurrency,
    int Active,
    int Completed,
    int TerminatedEarly,
    int Rescinded,
    int DeliveriesAccepted,
    int DeliveriesOnTime,
    decimal? OnTimeRatePercent,
    int DeliveriesOverdue,
    int Rejections,
    int Amendments,
    int AmendmentsBeyondLimit,
    ImmutableSortedDictionary<string, decimal> PenaltiesByCurrency,
    ImmutableSortedDictionary<string, decimal> GuaranteesCalledByCurrency,
    ImmutableArray<SupplierContractLine> Contracts);

/// <summary>One contract in a supplier's record.</summary>
public sealed record SupplierContractLine(
    string ContractId,
    string ProcedureId,
    string Title,
    string UnitId,
    string Status,
    string? TerminationKind,
    decimal Value,
    string Currency,
    DateTimeOffset? DateSigned,
    int DeliveriesAccepted,
    int DeliveriesOnTime,
    int Amendments,
    decimal Penalties);
