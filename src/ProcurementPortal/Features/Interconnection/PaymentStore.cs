using System.Data.Common;
using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Persistence;

namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>The treasury's payments: append-only, one row per idempotency key.</summary>
public sealed class PaymentStore(PortalDb db)
{
    private const string Columns = "id, client_id, idempotency_key, contract_id, reference, amount_cents, paid_at, recorded_at";

    // Whether the contract is in the portal's registry: payments are taken for contracts registered elsewhere too
    // (or before the registry has them), and say so.
    private const string Select = $"""
        SELECT {Columns}, EXISTS (SELECT 1 FROM portal_contracts c WHERE c.id = p.contract_id)
        FROM portal_treasury_payments p
        """;

    /// <summary>
    /// Records the payment in the caller's transaction; false when its idempotency key was recorded already (nothing is
    /// written, and the transaction stays usable: ON CONFLICT, not a caught violation).
    /// </summary>
    public async Task<bool> AddAsync(DbConnection connection, DbTransaction transaction, TreasuryPayment payment, CancellationToken cancellationToken = default)
    {
        const string sql = $"""
            INSERT INTO portal_treasury_payments ({Columns})
            VALUES (@id, @client, @key, @contract, @reference, @cents, @paid, @recorded)
            ON CONFLICT (idempotency_key) DO NOTHING
            """;
        await using var command = PortalDb.Command(connection, transaction, sql);
        PortalDb.Add(command, "@id", payment.Id);
        PortalDb.Add(command, "@client", payment.ClientId);
        PortalDb.Add(command, "@key", payment.IdempotencyKey);
        PortalDb.Add(command, "@contract", payment.ContractId);
        PortalDb.Add(command, "@reference", payment.Reference);
        PortalDb.Add(command, "@cents", Money.ToCents(payment.Amount));
        db.AddTime(command, "@paid", payment.PaidAt);
        db.AddTime(command, "@recorded", payment.RecordedAt);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<TreasuryPayment?> FindByKeyAsync(DbConnection connection, DbTransaction? transaction, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        const string sql = $"{Select} WHERE p.idempotency_key = @key";
        await using var command = PortalDb.Command(connection, transaction, sql);
        PortalDb.Add(command, "@key", idempotencyKey);
        return (await ReadAsync(command, cancellationToken)).FirstOrDefault();
    }

    public async Task<IReadOnlyList<TreasuryPayment>> ListAsync(string contractId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await ListAsync(connection, null, contractId, cancellationToken);
    }

    /// <summary>The contract's payments in the order they were paid, in the caller's transaction.</summary>
    public async Task<IReadOnlyList<TreasuryPayment>> ListAsync(DbConnection connection, DbTransaction? transaction, string contractId, CancellationToken cancellationToken = default)
    {
        const string sql = $"{Select} WHERE p.contract_id = @contract ORDER BY p.paid_at, p.id";
        await using var command = PortalDb.Command(connection, transaction, sql);
        PortalDb.Add(command, "@contract", contractId);
        return await ReadAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<TreasuryPayment>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<TreasuryPayment>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new TreasuryPayment(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                Money.FromCents(reader.GetInt64(5)), PortalDb.ReadTime(reader, 6), PortalDb.ReadTime(reader, 7), PortalDb.ReadBool(reader, 8)));
        }

        return list;
    }
}
