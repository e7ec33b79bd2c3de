using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Persistence;

namespace CompraNet.ProcurementPortal.Features.Contracts;

/// <summary>
/// Contracts (their state as JSON, with searchable columns) and their signatures (append-only evidence). Writes take
/// the caller's transaction, so a change, its document version, its timeline entry and its release commit together.
/// </summary>
public sealed class ContractStore(PortalDb db)
{
    private static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web);

    public async Task<Contract?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, id, cancellationToken);
    }

    /// <summary>
    /// The contract in the caller's transaction; with <paramref name="lockRow"/> its row stays locked until the
    /// transaction ends (PostgreSQL <c>FOR UPDATE</c>; SQLite serialises writing transactions anyway), so checks on it
    /// and the writes they allow are not interleaved with another transaction's.
    /// </summary>
    public async Task<Contract?> FindAsync(DbConnection connection, DbTransaction? transaction, string id, CancellationToken cancellationToken = default, bool lockRow = false)
    {
        var sql = lockRow && db.IsPostgres ? "SELECT state FROM portal_contracts WHERE id = @id FOR UPDATE" : "SELECT state FROM portal_contracts WHERE id = @id";
        await using var command = PortalDb.Command(connection, transaction, sql);
        PortalDb.Add(command, "@id", id);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? JsonSerializer.Deserialize<Contract>(json, StateJson) : null;
    }

    /// <summary>The procedure's contracts, in the caller's transaction (a release sees the change it publishes).</summary>
    public async Task<IReadOnlyList<Contract>> ListForProcedureAsync(DbConnection connection, DbTransaction? transaction, string procedureId, CancellationToken cancellationToken)
    {
        await using var command = PortalDb.Command(connection, transaction, "SELECT state FROM portal_contracts WHERE procedure_id = @procedure ORDER BY id");
        PortalDb.Add(command, "@procedure", procedureId);
        return await ReadAllAsync(command, cancellationToken);
    }

    /// <summary>The supplier's contracts (its performance history), newest first.</summary>
    public async Task<IReadOnlyList<Contract>> ListForSupplierAsync(string supplierId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, "SELECT state FROM portal_contracts WHERE supplier_id = @supplier ORDER BY updated_at DESC, id");
        PortalDb.Add(command, "@supplier", supplierId);
        return await ReadAllAsync(command, cancellationToken);
    }

    /// <summary>The most recently changed signed contracts (in force or ended), at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<Contract>> ListSignedAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, "SELECT state FROM portal_contracts WHERE status <> @pending ORDER BY updated_at DESC, id LIMIT @limit");
        PortalDb.Add(command, "@pending", ContractStatus.Pending);
        PortalDb.Add(command, "@limit", limit);
        return await ReadAllAsync(command, cancellationToken);
    }

    /// <summary>Adds the contract; false when the procedure already has it.</summary>
    public async Task<bool> InsertAsync(DbConnection connection, DbTransaction transaction, Contract contract, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO portal_contracts (id, procedure_id, unit_id, supplier_id, status, value_cents, currency, start_date, end_date, updated_at, version, state)
            VALUES (@id, @procedure, @unit, @supplier, @status, @cents, @currency, @start, @end, @updated, @version, @state)
            ON CONFLICT (id) DO NOTHING
            """;
        await using var command = PortalDb.Command(connection, transaction, sql);
        Bind(command, contract);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Saves a changed contract whose stored version is <c>contract.Version - 1</c>; false when someone saved it meanwhile.</summary>
    public async Task<bool> UpdateAsync(DbConnection connection, DbTransaction transaction, Contract contract, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE portal_contracts
            SET status = @status, value_cents = @cents, currency = @currency, start_date = @start, end_date = @end,
                updated_at = @updated, version = @version, state = @state
            WHERE id = @id AND version = @expected AND procedure_id = @procedure AND unit_id = @unit AND supplier_id = @supplier
            """;
        await using var command = PortalDb.Command(connection, transaction, sql);
        Bind(command, contract);
        PortalDb.Add(command, "@expected", contract.Version - 1);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Records a signature; false when that party already signed that version.</summary>
    public async Task<bool> AddSignatureAsync(DbConnection connection, DbTransaction transaction, string contractId, int contractVersion, ContractSignature signature, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO portal_contract_signatures (contract_id, contract_version, party, signed_by, signed_at, sha256)
            VALUES (@id, @version, @party, @by, @at, @sha256)
            ON CONFLICT (contract_id, contract_version, party) DO NOTHING
            """;
        await using var command = PortalDb.Command(connection, transaction, sql);
        PortalDb.Add(command, "@id", contractId);
        PortalDb.Add(command, "@version", contractVersion);
        PortalDb.Add(command, "@party", signature.Party);
        PortalDb.Add(command, "@by", signature.SignedBy);
        db.AddTime(command, "@at", signature.SignedAt);
        PortalDb.Add(command, "@sha256", signature.Sha256);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<IReadOnlyList<Contract>> ReadAllAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<Contract>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(JsonSerializer.Deserialize<Contract>(reader.GetString(0), StateJson)!);
        }

        return list;
    }

    private void Bind(DbCommand command, Contract contract)
    {
        var terms = contract.Terms;
        PortalDb.Add(command, "@id", contract.Id);
        PortalDb.Add(command, "@procedure", contract.ProcedureId);
        PortalDb.Add(command, "@unit", contract.UnitId);
        PortalDb.Add(command, "@supplier", contract.SupplierId);
        PortalDb.Add(command, "@status", contract.Status);
        PortalDb.Add(command, "@cents", Money.ToCents(terms.Value));
        PortalDb.Add(command, "@currency", contract.Currency);
        PortalDb.Add(command, "@start", Date(terms.StartDate));
        PortalDb.Add(command, "@end", Date(terms.EndDate));
        db.AddTime(command, "@updated", contract.UpdatedAt);
        PortalDb.Add(command, "@version", contract.Version);
        db.AddJson(command, "@state", JsonSerializer.Serialize(contract, StateJson));
    }

    private object Date(DateOnly date) => db.IsPostgres ? date : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
