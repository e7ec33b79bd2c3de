using CompraNet.ProcurementPortal.Persistence;

namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>The interconnection clients and the hashes of their secrets.</summary>
public sealed class ApiClientStore(PortalDb db)
{
    /// <summary>False when the client id is taken.</summary>
    public async Task<bool> AddAsync(ApiClient client, string secretHash, CancellationToken cancellationToken = default)
    {
        const string sql = """
            INSERT INTO portal_api_clients (client_id, name, scopes, secret_hash, created_at, disabled)
            VALUES (@id, @name, @scopes, @hash, @at, @disabled)
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, sql);
        PortalDb.Add(command, "@id", client.ClientId);
        PortalDb.Add(command, "@name", client.Name);
        PortalDb.Add(command, "@scopes", string.Join(' ', client.Scopes));
        PortalDb.Add(command, "@hash", secretHash);
        db.AddTime(command, "@at", client.CreatedAt);
        PortalDb.Add(command, "@disabled", client.Disabled);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (PortalDb.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    /// <summary>The client and its secret hash, or null.</summary>
    public async Task<(ApiClient Client, string SecretHash)?> FindAsync(string clientId, CancellationToken cancellationToken = default)
    {
        const string sql = "SELECT client_id, name, scopes, created_at, disabled, secret_hash, credentials_changed_at FROM portal_api_clients WHERE client_id = @id";
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, sql);
        PortalDb.Add(command, "@id", clientId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var client = new ApiClient(reader.GetString(0), reader.GetString(1), reader.GetString(2).Split(' ', StringSplitOptions.RemoveEmptyEntries),
            PortalDb.ReadTime(reader, 3), PortalDb.ReadBool(reader, 4), reader.IsDBNull(6) ? null : PortalDb.ReadTime(reader, 6));
        return (client, reader.GetString(5));
    }

    /// <summary>Every client, by id (without secrets).</summary>
    public async Task<IReadOnlyList<ApiClient>> ListAsync(CancellationToken cancellationToken = default)
    {
        const string sql = "SELECT client_id, name, scopes, created_at, disabled, credentials_changed_at FROM portal_api_clients ORDER BY client_id";
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<ApiClient>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new ApiClient(reader.GetString(0), reader.GetString(1), reader.GetString(2).Split(' ', StringSplitOptions.RemoveEmptyEntries),
                PortalDb.ReadTime(reader, 3), PortalDb.ReadBool(reader, 4), reader.IsDBNull(5) ? null : PortalDb.ReadTime(reader, 5)));
        }

        return list;
    }

    /// <summary>Disables or enables the client; tokens issued before now stop working. False for an unknown client.</summary>
    public async Task<bool> SetDisabledAsync(string clientId, bool disabled, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await ChangeAsync("UPDATE portal_api_clients SET disabled = @disabled, credentials_changed_at = @at WHERE client_id = @id", clientId, at, c => PortalDb.Add(c, "@disabled", disabled), cancellationToken);

    /// <summary>Replaces the client's secret; tokens issued before now stop working. False for an unknown client.</summary>
    public async Task<bool> RotateSecretAsync(string clientId, string secretHash, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await ChangeAsync("UPDATE portal_api_clients SET secret_hash = @hash, credentials_changed_at = @at WHERE client_id = @id", clientId, at, c => PortalDb.Add(c, "@hash", secretHash), cancellationToken);

    private async Task<bool> ChangeAsync(string sql, string clientId, DateTimeOffset at, Action<System.Data.Common.DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, sql);
        PortalDb.Add(command, "@id", clientId);
        db.AddTime(command, "@at", at);
        bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
