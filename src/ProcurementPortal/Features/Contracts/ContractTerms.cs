using System.Collections.Immutable;

namespace CompraNet.ProcurementPortal.Features.Contracts;

/// <summary>What one version of the contract says: its value, its period (both days included) and its items.</summary>
public sealed record ContractTerms(decimal Value, DateOnly StartDate, DateOnly EndDate, ImmutableArray<ContractItem> Items)
{
    public int Days => EndDate.DayNumber - StartDate.DayNumber + 1;
}
