using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Persistence;

namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>Commitments in <c>portal_budget_commitments</c>, one per contract, each announced as <c>contract.committed</c>.</summary>
public sealed class BudgetCommitments(PortalDb db, IPortalEvents events, TimeProvider time) : IBudgetCommitments
{
    public async Task<BudgetCommitment> CommitAsync(string contractId, string unitId, string budgetKey, decimal amount, CancellationToken cancellationToken = default)
    {
        if (!Money.IsValidAmount(amount))
        {
            throw PortalValidationException.Of("amount", "The amount is greater than zero with at most two decimals.");
        }

        var commitment = new BudgetCommitment(Guid.NewGuid().ToString("N"), contractId, unitId, budgetKey, amount, time.GetUtcNow());
        const string sql = """
            INSERT INTO portal_budget_commitments (id, contract_id, unit_id, budget_key, amount_cents, committed_at)
            VALUES (@id, @contract, @unit, @key, @cents, @at)
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using (var command = PortalDb.Command(connection, null, sql))
        {
            PortalDb.Add(command, "@id", commitment.Id);
            PortalDb.Add(command, "@contract", contractId);
            PortalDb.Add(command, "@unit", unitId);
            PortalDb.Add(command, "@key", budgetKey);
            PortalDb.Add(command, "@cents", Money.ToCents(amount));
            db.AddTime(command, "@at", commitment.CommittedAt);
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (Exception ex) when (PortalDb.IsUniqueViolation(ex))
            {
                return await FindAsync(connection, contractId, cancellationToken);
            }
        }

        await events.PublishAsync(PortalEventTypes.ContractCommitted, commitment, cancellationToken);
        return commitment;
    }

    private static async Task<BudgetCommitment> FindAsync(System.Data.Common.DbConnection connection, string contractId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT id, contract_id, unit_id, budget_key, amount_cents, committed_at FROM portal_budget_commitments WHERE contract_id = @contract";
        await using var command = PortalDb.Command(connection, null, sql);
        PortalDb.Add(command, "@contract", contractId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new BudgetCommitment(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
            Money.FromCents(reader.GetInt64(4)), PortalDb.ReadTime(reader, 5));
    }
}
