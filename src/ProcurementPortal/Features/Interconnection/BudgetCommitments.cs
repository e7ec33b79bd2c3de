using System.Data.Common;
using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Persistence;

namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>Commitments in <c>portal_budget_commitments</c>, one per contract, each announced as <c>contract.committed</c> in the same transaction.</summary>
public sealed class BudgetCommitments(PortalDb db, IPortalEvents events, TimeProvider time) : IBudgetCommitments
{
    public async Task<BudgetCommitment> CommitAsync(string contractId, string unitId, string budgetKey, decimal amount, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var commitment = await CommitAsync(connection, transaction, contractId, unitId, budgetKey, amount, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return commitment;
    }

    public async Task<BudgetCommitment> CommitAsync(
        DbConnection connection, DbTransaction transaction, string contractId, string unitId, string budgetKey, decimal amount, CancellationToken cancellationToken = default)
    {
        if (!Money.IsValidAmount(amount))
        {
            throw PortalValidationException.Of("amount", "The amount is greater than zero with at most two decimals.");
        }

        var commitment = new BudgetCommitment(Guid.NewGuid().ToString("N"), contractId, unitId, budgetKey, amount, time.GetUtcNow());
        // ON CONFLICT rather than catching the unique violation: on PostgreSQL a failed statement aborts the caller's transaction.
        const string sql = """
            INSERT INTO portal_budget_commitments (id, contract_id, unit_id, budget_key, amount_cents, committed_at)
            VALUES (@id, @contract, @unit, @key, @cents, @at)
            ON CONFLICT (contract_id) DO NOTHING
            """;
        await using (var command = PortalDb.Command(connection, transaction, sql))
        {
            PortalDb.Add(command, "@id", commitment.Id);
            PortalDb.Add(command, "@contract", contractId);
            PortalDb.Add(command, "@unit", unitId);
            PortalDb.Add(command, "@key", budgetKey);
            PortalDb.Add(command, "@cents", Money.ToCents(amount));
            db.AddTime(command, "@at", commitment.CommittedAt);
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return await FindAsync(connection, transaction, contractId, cancellationToken);
            }
        }

        await events.PublishAsync(connection, transaction, PortalEventTypes.ContractCommitted, commitment, cancellationToken);
        return commitment;
    }

    private static async Task<BudgetCommitment> FindAsync(DbConnection connection, DbTransaction transaction, string contractId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT id, contract_id, unit_id, budget_key, amount_cents, committed_at FROM portal_budget_commitments WHERE contract_id = @contract";
        await using var command = PortalDb.Command(connection, transaction, sql);
        PortalDb.Add(command, "@contract", contractId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new BudgetCommitment(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
            Money.FromCents(reader.GetInt64(4)), PortalDb.ReadTime(reader, 5));
    }
}
