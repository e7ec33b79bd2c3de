using System.Data.Common;

namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>Called by the contracts feature when a contract is signed: records the commitment and tells the budget system (event <c>contract.committed</c>).</summary>
public interface IBudgetCommitments
{
    /// <summary>Records the commitment once per contract; a second call for the same contract returns the first commitment and emits nothing.</summary>
    Task<BudgetCommitment> CommitAsync(string contractId, string unitId, string budgetKey, decimal amount, CancellationToken cancellationToken = default);

    /// <summary>The same, in the transaction of the signature that puts the contract in force.</summary>
    Task<BudgetCommitment> CommitAsync(DbConnection connection, DbTransaction transaction, string contractId, string unitId, string budgetKey, decimal amount, CancellationToken cancellationToken = default);
}
