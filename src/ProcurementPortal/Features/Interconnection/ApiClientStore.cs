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
        const string sql = "SELECT client_id, name, scopes, created_at, disabled, secret_hash FROM portal_api_clients WHERE client_id = @id";
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, sql);
        PortalDb.Add(command, "@id", clientId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var client = new ApiClient(reader.GetString(0), reader.GetString(1), reader.GetString(2).Split(' ', StringSplitOptions.RemoveEmptyEntries),
            PortalDb.ReadTime(reader, 3), PortalDb.ReadBool(reader, 4));
        return (client, reader.GetString(5));
    }
}
