using System.Collections.Immutable;
using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Contracts;
using CompraNet.ProcurementPortal.Features.Suppliers;

namespace CompraNet.ProcurementPortal.Features.Execution;

/// <summary>Computes a supplier's public performance record from its contracts, as they stand today.</summary>
public sealed class SupplierPerformanceService(SupplierStore suppliers, ContractStore contracts, TimeProvider time)
{
    public async Task<SupplierPerformance> GetAsync(string supplierId, CancellationToken cancellationToken = default)
    {
        var supplier = await suppliers.FindAsync(supplierId, cancellationToken) ?? throw new PortalNotFoundException($"No supplier {supplierId} in the registry.");
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return Compute(supplier, await contracts.ListForSupplierAsync(supplierId, cancellationToken), today);
    }

    /// <summary>The amounts per currency, leaving out currencies where they add up to nothing.</summary>
    private static ImmutableSortedDictionary<string, decimal> ByCurrency(IReadOnlyList<Contract> list, Func<Contract, decimal> amount) =>
        list.GroupBy(c => c.Currency, StringComparer.Ordinal).Select(g => (g.Key, Sum: g.Sum(amount))).Where(g => g.Sum != 0)
            .ToImmutableSortedDictionary(g => g.Key, g => g.Sum, StringComparer.Ordinal);

    public static SupplierPerformance Compute(RegisteredSupplier supplier, IReadOnlyList<Contract> list, DateOnly today)
    {
        var accepted = list.SelectMany(c => c.Deliveries).Where(d => d.Status == DeliveryStatus.Accepted).ToList();
        var onTime = accepted.Count(d => d.DaysLate == 0);
        var amendments = list.SelectMany(c => c.Versions).Where(v => v.EffectiveAt is not null && v.Amendment is not null).ToList();
        return new SupplierPerformance(
            supplier,
            today,
            list.Count,
            list.Where(c => c.Status != ContractStatus.Pending).GroupBy(c => c.Currency, StringComparer.Ordinal)
                .ToImmutableSortedDictionary(g => g.Key, g => g.Sum(c => c.Terms.Value), StringComparer.Ordinal),
            list.Count(c => c.Status == ContractStatus.Active),
            list.Count(c => c.Termination?.Kind == TerminationKinds.Completed),
            list.Count(c => c.Termination?.Kind == TerminationKinds.Early),
            list.Count(c => c.Termination?.Kind == TerminationKinds.Rescission),
            accepted.Count,
            onTime,
            accepted.Count == 0 ? null : decimal.Round(onTime * 100m / accepted.Count, 1),
            list.Where(c => c.Termination is null).SelectMany(c => c.Deliveries).Count(d => d.DaysOverdue(today) > 0),
            list.SelectMany(c => c.Deliveries).Sum(d => d.Rejections),
            amendments.Count,
            amendments.Count(v => v.Amendment!.Exception),
            ByCurrency(list, c => c.Penalties),
            ByCurrency(list, c => (c.Termination?.GuaranteeCalled ?? 0m) + (c.Termination?.AdvanceGuaranteeCalled ?? 0m)),
            [.. list.Select(c => new SupplierContractLine(
                c.Id, c.ProcedureId, c.Title, c.UnitId, c.Status, c.Termination?.Kind, c.Terms.Value, c.Currency, c.DateSigned,
                c.Deliveries.Count(d => d.Status == DeliveryStatus.Accepted), c.Deliveries.Count(d => d.Status == DeliveryStatus.Accepted && d.DaysLate == 0),
                c.Versions.Count(v => v.EffectiveAt is not null && v.Amendment is not null), c.Penalties))]);
    }
}
