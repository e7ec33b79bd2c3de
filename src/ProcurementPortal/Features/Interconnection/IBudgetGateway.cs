namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>The portal's call out to the budget system before a procedure is published.</summary>
public interface IBudgetGateway
{
    /// <summary>Whether <paramref name="amount"/> is available on the unit's budget line for the fiscal year.</summary>
    /// <exception cref="Common.PortalUnavailableException">The budget system could not be reached or gave no answer.</exception>
    Task<BudgetAnswer> CheckAvailabilityAsync(string unitId, string budgetKey, int fiscalYear, decimal amount, CancellationToken cancellationToken = default);
}
